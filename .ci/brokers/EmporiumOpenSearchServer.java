// OpenSearch for the log-shipping suites (CI has no OpenSearch package and no Docker): the server's own jars
// from Maven Central, one single-node cluster with only the Netty4 HTTP/transport plugin, bound to 127.0.0.1.
// No ingest modules and no ISM plugin: the shipper redacts before sending, and retention is daily indices
// that the shipper's prune deletes. Compiled and started by ensure_opensearch in .ci/lib.sh;
// usage: java -cp <classes>:<lib>/* EmporiumOpenSearchServer <home dir> [http port]
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

public final class EmporiumOpenSearchServer {
  private static final String NODE_NAME = "ci-1";

  /** Node's constructor that takes the plugin classes is protected: the distribution loads them from disk instead. */
  private static final class PluginNode extends Node {
    PluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
      super(environment, plugins, true);
    }
  }

  private EmporiumOpenSearchServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: EmporiumOpenSearchServer <home dir> [http port]");
    }
    String home = args[0];
    String port = args.length > 1 ? args[1] : "9200";
    Settings settings = Settings.builder()
        .put("path.home", home)
        .put("path.data", home + "/data")
        .put("cluster.name", "emporium-ci")
        .put("node.name", NODE_NAME)
        .put("discovery.type", "single-node")
        .put("http.type", "netty4")
        .put("transport.type", "netty4")
        .put("http.host", "127.0.0.1")
        .put("http.port", port)
        .put("transport.host", "127.0.0.1")
        // A CI disk is often fuller than production's watermarks allow; logs must not go read-only for that.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .build();
    Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> NODE_NAME);
    Node node = new PluginNode(environment, List.of(Netty4Plugin.class));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        System.err.println("EmporiumOpenSearchServer: close failed: " + e);
      }
    }, "opensearch-shutdown"));
    node.start();
    System.out.println("EmporiumOpenSearchServer: OpenSearch listening on http://127.0.0.1:" + port + " (home " + home + ")");
    Thread.currentThread().join();
  }
}
