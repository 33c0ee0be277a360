import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../../domain/result.js';

/** What a download link fetches, for whom. Checked again against stored roles when the link is used. */
export const DownloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case-calendar'), tenantId: z.string(), userId: z.string(), caseReference: z.string() }),
  z.strictObject({ kind: z.literal('census'), tenantId: z.string(), userId: z.string(), from: z.string(), to: z.string() }),
  z.strictObject({ kind: z.literal('timeliness'), tenantId: z.string(), userId: z.string(), from: z.string(), to: z.string(), team: z.string().optional() }),
  z.strictObject({
    kind: z.literal('plan'),
    tenantId: z.string(),
    userId: z.string(),
    caseReference: z.string(),
    version: z.number().int().positive(),
    format: z.enum(['html', 'pdf']),
  }),
]);
export type Download = z.infer<typeof DownloadSchema>;

const SignedSchema = z.strictObject({ download: DownloadSchema, expiresAt: z.number().int() });

export type LinkRefusal = { readonly kind: 'invalid-link' } | { readonly kind: 'expired-link' };

/**
 * A link token: the download and its expiry as base64url JSON, then an HMAC-SHA256 of it. The token carries
 * a case reference and ids only, never a name, since links end up in browser histories.
 */
export function signDownload(download: Download, expiresAt: Date, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ download, expiresAt: expiresAt.getTime() })).toString('base64url');
  return `${payload}.${signatureOf(payload, secret)}`;
}

/** The download a token stands for, if its signature is ours and it has not expired at `now`. */
export function verifyDownload(token: string, now: Date, secret: string): Result<Download, LinkRefusal> {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return err({ kind: 'invalid-link' });
  const expected = Buffer.from(signatureOf(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return err({ kind: 'invalid-link' });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return err({ kind: 'invalid-link' });
  }
  const signed = SignedSchema.safeParse(decoded);
  if (!signed.success) return err({ kind: 'invalid-link' });
  if (signed.data.expiresAt <= now.getTime()) return err({ kind: 'expired-link' });
  return ok(signed.data.download);
}

function signatureOf(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
