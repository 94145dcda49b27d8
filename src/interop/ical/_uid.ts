const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/**
 * Percent-encodes every character outside `A–Z a–z 0–9 . _ ~ -` as its UTF-8 octets, so any id
 * becomes a plain ASCII token without `@`, `;`, `,` or `\` and different ids stay different.
 */
function encodeId(id: string): string {
  let out = '';
  const encoder = new TextEncoder();
  for (const char of id) {
    if (UNRESERVED.test(char)) out += char;
    else for (const byte of encoder.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The UID of an item's event: `<kind>-<id>@<campaignId>.campaignkit`. It depends on nothing but
 * the campaign, the kind and the id, so exporting the same item again gives the same UID and a
 * calendar updates the event in place instead of adding a copy.
 */
export function eventUid(campaignId: string, kind: string, id: string): string {
  return `${kind}-${encodeId(id)}@${encodeId(campaignId)}.campaignkit`;
}
