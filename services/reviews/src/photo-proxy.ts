// For the apps' /review-photos/<key> routes: the photo as the reviews service serves it to the caller the
// authorization names (none: anyone), as a response to hand on — 404 when the service says so, 503 when
// it cannot answer. Never kept by a shared cache: who may see a photo depends on who asks.
export async function reviewPhotoResponse(
  reviewsUrl: string,
  key: string,
  authorization: string | null,
): Promise<Response> {
  const path = key.split("/").map(encodeURIComponent).join("/");
  try {
    const res = await fetch(`${new URL(reviewsUrl).origin}/photos/${path}`, {
      headers: authorization ? { authorization } : {},
      cache: "no-store",
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) return new Response(null, { status: res.status === 404 ? 404 : 503 });
    return new Response(res.body, {
      headers: {
        "content-type": res.headers.get("content-type") ?? "image/webp",
        "cache-control": authorization
          ? "private, max-age=60"
          : (res.headers.get("cache-control") ?? "no-store"),
        "x-content-type-options": "nosniff",
      },
    });
  } catch {
    return new Response(null, { status: 503 });
  }
}
