import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors.js';

/**
 * Loopback, private, link-local (cloud metadata at 169.254.169.254), unique-local, carrier-grade
 * NAT, multicast, reserved: every address that is not plain public unicast.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}

/**
 * Refuses a URL whose host is, or resolves to, a private address (unless `allowPrivate`):
 * a feed or a page is untrusted input and must not reach the machine's own network. A name
 * that does not resolve is let through: the download fails on its own with a clear message.
 */
export async function assertPublicUrl(url: URL, allowPrivate: boolean, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else if (/^localhost$|\.localhost$/i.test(host)) addresses = ['127.0.0.1'];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return;
    }
  }
  if (addresses.some(isPrivateAddress)) {
    throw new AppError('URL_PRIVATE', `${url.href}: địa chỉ thuộc mạng nội bộ (${addresses[0]}), không được tải (đặt ALLOW_PRIVATE_URLS=true nếu đây là máy chủ tin cậy)`);
  }
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((entry) => entry.address);
}
