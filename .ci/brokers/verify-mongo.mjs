// Round-trip check of the MongoDB-wire-protocol server (run by ensure_mongo) with the Node `mongodb`
// driver: isMaster/buildInfo (reported versions), insert, find, delete. Usage: node verify-mongo.mjs [url]
import { deadline, tool, toolVersion } from "./tools.mjs";

deadline(60, "MongoDB check");
const { MongoClient } = tool("mongodb");
const url = process.argv[2] ?? "mongodb://127.0.0.1:27017";
const client = new MongoClient(url, { serverSelectionTimeoutMS: 15000 });
await client.connect();
const admin = client.db("admin");
// mongo-java-server answers the handshake's legacy isMaster but not the `hello` command itself.
const isMaster = await admin.command({ isMaster: 1 });
const build = await admin.command({ buildInfo: 1 });
const coll = client.db("emporium_ci_verify").collection("probe");
const token = `ok-${process.pid}-${Date.now()}`;
const { insertedId } = await coll.insertOne({ token, at: new Date(), tags: ["a", "b"] });
const found = await coll.findOne({ _id: insertedId });
if (!found || found.token !== token) throw new Error(`findOne returned ${JSON.stringify(found)}`);
const count = await coll.countDocuments({ tags: "b", token });
if (count !== 1) throw new Error(`countDocuments returned ${count}`);
await coll.deleteMany({ token });
await client.close();
console.log(
  `mongodb driver ${toolVersion("mongodb")} -> server version ${build.version}, wire versions ` +
    `${isMaster.minWireVersion}..${isMaster.maxWireVersion}: insertOne, findOne, countDocuments, deleteMany ok`,
);
