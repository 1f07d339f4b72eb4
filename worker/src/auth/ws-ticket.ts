/**
 * Agent WebSocket tickets the worker can check on its own, before any Durable Object is touched:
 * `<aircallUserId>.<expiry, unix s>.<nonce>.<HMAC-SHA256(key, uid|expiry|nonce)>`, the key derived
 * from JWT_SECRET. The agent's dialer issues them (keeping the nonce's hash) and takes each one once.
 */
const enc = new TextEncoder();
export const WS_TICKET_TTL_SECONDS = 30;
const FORMAT = /^(\d{1,19})\.(\d{1,12})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/;

const keys = new Map<string, Promise<CryptoKey>>();

/** An HMAC key for tickets only, derived from JWT_SECRET (the JWT key itself is never reused). */
function ticketKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = (async () => {
      const root = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const derived = await crypto.subtle.sign("HMAC", root, enc.encode("aircall-power-dialer/ws-ticket/v1"));
      return crypto.subtle.importKey("raw", derived, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    })();
    if (keys.size > 4) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

const b64url = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function fromB64url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

export async function signTicket(secret: string, uid: string | number, nonce: string, nowMs = Date.now()): Promise<string> {
  const exp = Math.floor(nowMs / 1000) + WS_TICKET_TTL_SECONDS;
  const mac = await crypto.subtle.sign("HMAC", await ticketKey(secret), enc.encode(`${uid}|${exp}|${nonce}`));
  return `${uid}.${exp}.${nonce}.${b64url(mac)}`;
}

export type TicketClaims = { uid: string; exp: number; nonce: string };

/** The ticket's claims when its format, signature and expiry hold; null otherwise. */
export async function verifyTicket(secret: string, ticket: string, nowMs = Date.now()): Promise<TicketClaims | null> {
  const m = FORMAT.exec(ticket);
  if (!m) return null;
  const [, uid, expText, nonce, mac] = m as unknown as [string, string, string, string, string];
  const exp = Number(expText);
  const now = Math.floor(nowMs / 1000);
  if (exp < now || exp > now + WS_TICKET_TTL_SECONDS + 5) return null;
  let signature: Uint8Array;
  try {
    signature = fromB64url(mac);
  } catch {
    return null;
  }
  const ok = await crypto.subtle.verify("HMAC", await ticketKey(secret), signature, enc.encode(`${uid}|${exp}|${nonce}`));
  return ok ? { uid, exp, nonce } : null;
}
