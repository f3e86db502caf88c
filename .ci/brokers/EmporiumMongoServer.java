// MongoDB-wire-protocol stand-in for the test suites (CI has no MongoDB build): mongo-java-server with its
// in-memory backend, bound to 127.0.0.1:27017 until the JVM is stopped. Compiled and started by
// ensure_mongo in .ci/lib.sh; usage: java -cp <classes>:<lib>/* EmporiumMongoServer [host] [port]
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

public final class EmporiumMongoServer {
  private EmporiumMongoServer() {}

  public static void main(String[] args) throws InterruptedException {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
    // MONGO_5_0 is the library's default and its newest: it reports version 5.0.0 and maxWireVersion 8.
    ServerVersion version = ServerVersion.MONGO_5_0;
    MongoServer server = new MongoServer(new MemoryBackend().version(version));
    server.bind(host, port);
    System.out.println("EmporiumMongoServer: mongo-java-server (memory backend) listening on " + host + ":" + port
        + ", reporting " + version + " with maxWireVersion " + version.getWireVersion());
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-shutdown"));
    Thread.currentThread().join();
  }
}
