// The shopper's address as a backend sees it. The apps call the backends from their own servers, so a
// backend's socket sees an app, not the shopper: an app names the shopper's address in one header, and
// the limits per address (sign-in, checkout, search) key on it. The backends are reachable only from
// inside the cluster (NetworkPolicies), which is why the header is believed; the public gateway must
// strip it from what browsers send. Pure (no Node modules): the apps import it through ./client.

/** The header an app names the shopper's address in. */
export const CLIENT_IP_HEADER = "x-emporium-client-ip";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
// Four decimal octets without leading zeros ("010" could be read as octal by some and decimal by others).
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const IPV4_MAPPED = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * `value` as one canonical IP address ("203.0.113.7", "2001:db8::1"), or undefined when it is not one.
 * Takes the forms proxies write: a port after an IPv4 address or a bracketed IPv6 one, and IPv4 mapped
 * into IPv6 ("::ffff:203.0.113.7", as Node reports IPv4 peers on a dual-stack socket) as plain IPv4.
 */
export function parseIp(value: string | null | undefined): string | undefined {
  let v = value?.trim() ?? "";
  if (v === "" || v.length > 64) return undefined;
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(v);
  if (bracketed) v = bracketed[1] ?? "";
  else if (/^[\d.]+:\d{1,5}$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (IPV4.test(v)) return v;
  if (!v.includes(":") || !/^[0-9a-fA-F:.]+$/.test(v)) return undefined;
  let canonical: string;
  try {
    // The URL parser knows every IPv6 spelling and writes it the one canonical way (RFC 5952).
    canonical = new URL(`http://[${v}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const mapped = IPV4_MAPPED.exec(canonical);
  if (!mapped) return canonical;
  const [hi, lo] = [parseInt(mapped[1] ?? "", 16), parseInt(mapped[2] ?? "", 16)];
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
}

/**
 * The shopper's address from an X-Forwarded-For header: its first hop, the address the first proxy
 * (the gateway, or Next itself when nothing is in front) saw; undefined when that is not an address.
 */
export function forwardedClientIp(forwardedFor: string | null | undefined): string | undefined {
  return parseIp(forwardedFor?.split(",")[0]);
}

/** The eight groups of a canonical IPv6 address, "::" filled with zeros. */
function ipv6Groups(ip: string): string[] {
  const [head = "", tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...zeros, ...right];
}

/**
 * What a limit per address counts under: an IPv4 address itself, and an IPv6 address's /64 network —
 * one subscriber's line gets a whole /64, so counting single IPv6 addresses would let anyone rotate
 * through billions of them.
 */
export function rateKeyOfIp(ip: string): string {
  if (!ip.includes(":")) return ip;
  return `${ipv6Groups(ip).slice(0, 4).join(":")}::/64`;
}
