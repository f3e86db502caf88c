import { describe, expect, it } from "vitest";
import { formatSse, SseParser } from "./sse";

describe("SseParser", () => {
  it("reads the orders service's stream: connected, data, ping and error events", () => {
    const parser = new SseParser();
    const text =
      'event: connected\ndata: {"reconnectAfterInactivityMs":30000}\n\n' +
      'data: {"id":"o1","status":"PENDING"}\n\n' +
      "event: ping\ndata: \n\n" +
      'event: serialized-error\ndata: {"message":"No such order"}\n\n';
    expect(parser.push(text)).toEqual([
      { event: "connected", data: '{"reconnectAfterInactivityMs":30000}', id: null },
      { event: "message", data: '{"id":"o1","status":"PENDING"}', id: null },
      { event: "ping", data: "", id: null },
      { event: "serialized-error", data: '{"message":"No such order"}', id: null },
    ]);
  });

  it("puts events together across chunks, line endings and comments", () => {
    const parser = new SseParser();
    expect(parser.push('data: {"a":')).toEqual([]);
    expect(parser.push("1}\r")).toEqual([]);
    expect(parser.push("\n: a comment\r\ndata: second line\r\n\r\n")).toEqual([
      { event: "message", data: '{"a":1}\nsecond line', id: null },
    ]);
    expect(parser.push("id: 7\nevent: order\ndata:x\n\n")).toEqual([{ event: "order", data: "x", id: "7" }]);
  });

  it("drops an event name with no data", () => {
    const parser = new SseParser();
    expect(parser.push("event: return\n\ndata: y\n\n")).toEqual([{ event: "message", data: "y", id: null }]);
  });
});

describe("formatSse", () => {
  it("writes an event the parser reads back", () => {
    const wire = formatSse("order", '{"status":"SHIPPED"}\nsecond');
    expect(wire).toBe('event: order\ndata: {"status":"SHIPPED"}\ndata: second\n\n');
    expect(new SseParser().push(wire)).toEqual([
      { event: "order", data: '{"status":"SHIPPED"}\nsecond', id: null },
    ]);
  });
});
