import { describe, expect, it } from "vitest";
import { consumeQueues, InProcessCommandBus } from "../src";
import { readMessage } from "@emporium/contracts";
import { log, ping, pingV1 } from "./helpers";

describe("consumeQueues", () => {
  it("gives each queue its own handler and stops with the subscriptions it returns", async () => {
    const commands = new InProcessCommandBus(log);
    const seen: string[] = [];
    const subscriptions = await consumeQueues(
      commands,
      {
        "test.reserve": async (e) => void seen.push(`reserve ${readMessage(e, pingV1).data.n}`),
        "test.release": async (e) => void seen.push(`release ${readMessage(e, pingV1).data.n}`),
      },
      2,
    );
    expect(subscriptions).toHaveLength(2);
    await commands.send("test.release", ping("k", 1));
    await commands.send("test.reserve", ping("k", 2));
    await expect.poll(() => seen.sort()).toEqual(["release 1", "reserve 2"]);
    for (const s of subscriptions) await s.stop();
    await commands.send("test.reserve", ping("k", 3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).not.toContain("reserve 3");
    await commands.close();
  });
});
