import { domainToASCII } from 'node:url';

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

// RFC 5321 "dot-atom": no leading, trailing or doubled dots. Quoted local parts ("a b"@x.com) are rejected.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Pragmatic validation for addresses you will send mail to. On success returns the normalized address: trimmed,
 * domain lowercased and in punycode (" Ada.L@Bücher.DE" → "Ada.L@xn--bcher-kva.de"). The local part
 * keeps its case, since mail servers may treat it as case-sensitive; compare addresses case-insensitively yourself.
 * Non-ASCII local parts (EAI) are rejected because many mail servers still refuse them.
 */
export function validateEmail(input: string): EmailCheck {
  const email = input.trim();
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at) return { ok: false, reason: 'must contain one "@" with text before it' };
  const local = email.slice(0, at);
  const rawDomain = email.slice(at + 1);
  if (local.length > 64) return { ok: false, reason: 'the part before "@" is longer than 64 characters' };
  if (!LOCAL_PART.test(local)) return { ok: false, reason: 'the part before "@" contains invalid characters or dots' };

  const domain = domainToASCII(rawDomain); // "" when the domain is not a valid (international) host name
  const labels = domain.split('.');
  if (!domain || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return { ok: false, reason: 'the domain is not valid' };
  }
  if (/^\d+$/.test(labels.at(-1)!)) return { ok: false, reason: 'the domain needs a top-level domain, not an IP address' };

  const normalized = `${local}@${domain}`;
  if (normalized.length > 254) return { ok: false, reason: 'the address is longer than 254 characters' };
  return { ok: true, email: normalized };
}

export const isValidEmail = (input: string): boolean => validateEmail(input).ok;
