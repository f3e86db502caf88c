// GET /orders/<id>/live — the order's status as server-sent events (see @/order/live-stream).
import { isOrderId } from "@/session/cookies";
import { readOrderToken } from "@/session/server";
import { liveOrderResponse } from "@/order/live-stream";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await context.params;
  if (!isOrderId(orderId)) return new Response("Not found", { status: 404 });
  const id = orderId.toLowerCase();
  return liveOrderResponse(id, await readOrderToken(id), request);
}
