// The real servers a system suite needs; under REQUIRE_REAL_SERVERS=1 a missing one fails the run.
import { realServer } from "@emporium/testkit";

export function systemServers(suite: string) {
  const db = realServer("TEST_DATABASE_URL", `${suite} (PostgreSQL)`);
  const kafka = realServer("TEST_KAFKA_BROKERS", `${suite} (Kafka)`);
  const amqp = realServer("TEST_AMQP_URL", `${suite} (RabbitMQ)`);
  const available = db.available && kafka.available && amqp.available;
  return {
    available,
    options: { databaseAdminUrl: db.url ?? "", kafkaBrokers: kafka.url ?? "", amqpUrl: amqp.url ?? "" },
  };
}
