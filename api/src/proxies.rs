//! The reverse proxies whose forwarding headers are believed (`CHITIEU_TRUSTED_PROXIES`):
//! addresses and CIDR ranges. Anyone can send `X-Forwarded-For`; only a proxy we run can be
//! trusted to have written it.

use std::net::IpAddr;
use std::str::FromStr;

/// An address range: `10.0.0.0/8`, `fd00::/8`, or one address (`192.0.2.7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    network: IpAddr,
    prefix: u8,
}

impl IpRange {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                masked(u32::from(net).into(), 32, self.prefix)
                    == masked(u32::from(ip).into(), 32, self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                masked(u128::from(net), 128, self.prefix)
                    == masked(u128::from(ip), 128, self.prefix)
            }
            _ => false,
        }
    }
}

/// The top `prefix` bits of a `width`-bit address.
fn masked(bits: u128, width: u8, prefix: u8) -> u128 {
    if prefix == 0 {
        return 0;
    }
    let shift = u32::from(width - prefix);
    (bits >> shift) << shift
}

/// IPv4 clients reach a dual-stack listener as `::ffff:a.b.c.d`: compare them as IPv4.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

impl FromStr for IpRange {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let (address, prefix) = match raw.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (raw, None),
        };
        let network: IpAddr = address
            .parse()
            .map_err(|_| format!("{raw:?} is not an IP address or CIDR range"))?;
        let network = canonical(network);
        let width = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => width,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= width)
                .ok_or_else(|| format!("{raw:?}: the prefix length must be 0 to {width}"))?,
        };
        Ok(Self { network, prefix })
    }
}

/// Comma- or space-separated ranges; empty trusts no proxy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpRange>);

impl TrustedProxies {
    pub fn parse(raw: &str) -> Result<Self, String> {
        raw.split([',', ' '])
            .filter(|part| !part.trim().is_empty())
            .map(IpRange::from_str)
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|range| range.contains(ip))
    }

    /// The client behind `peer`: walking the forwarded chain from the nearest hop back, the
    /// first address that is not one of our proxies. `forwarded_for` holds the addresses of
    /// the headers in the order they were added (client first). A peer we do not trust is the
    /// client itself, whatever it claims.
    pub fn client_ip(&self, peer: IpAddr, forwarded_for: &[IpAddr]) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let mut client = peer;
        for hop in forwarded_for.iter().rev().map(|ip| canonical(*ip)) {
            client = hop;
            if !self.trusts(hop) {
                break;
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(raw: &str) -> IpAddr {
        raw.parse().unwrap()
    }

    #[test]
    fn ranges_contain_their_addresses_only() {
        let ten: IpRange = "10.0.0.0/8".parse().unwrap();
        assert!(ten.contains(ip("10.20.30.40")));
        assert!(!ten.contains(ip("11.0.0.1")));
        assert!(ten.contains(ip("::ffff:10.1.2.3")));
        let one: IpRange = "192.0.2.7".parse().unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: IpRange = "fd00::/8".parse().unwrap();
        assert!(v6.contains(ip("fd12::1")) && !v6.contains(ip("fe80::1")));
        let all: IpRange = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("203.0.113.9")));
    }

    #[test]
    fn bad_entries_are_refused_with_the_entry() {
        let err = TrustedProxies::parse("10.0.0.1, 10.0.0.0/33").unwrap_err();
        assert!(err.contains("10.0.0.0/33"), "{err}");
        assert!(TrustedProxies::parse("nginx").is_err());
        assert_eq!(
            TrustedProxies::parse(" ").unwrap(),
            TrustedProxies::default()
        );
    }

    #[test]
    fn forwarded_addresses_count_only_when_the_peer_is_a_trusted_proxy() {
        let proxies = TrustedProxies::parse("127.0.0.1,10.0.0.0/8").unwrap();
        let claimed = [ip("203.0.113.7")];
        assert_eq!(
            proxies.client_ip(ip("127.0.0.1"), &claimed),
            ip("203.0.113.7")
        );
        assert_eq!(
            proxies.client_ip(ip("198.51.100.1"), &claimed),
            ip("198.51.100.1")
        );
        assert_eq!(
            TrustedProxies::default().client_ip(ip("127.0.0.1"), &claimed),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn a_spoofed_first_hop_is_skipped_past_to_the_address_our_proxy_saw() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        // The client sent "X-Forwarded-For: 1.2.3.4"; our two proxies appended what they saw.
        let chain = [ip("1.2.3.4"), ip("203.0.113.7"), ip("10.0.0.2")];
        assert_eq!(proxies.client_ip(ip("10.0.0.1"), &chain), ip("203.0.113.7"));
        // Only proxies in the chain: the farthest one is the best we know.
        assert_eq!(
            proxies.client_ip(ip("10.0.0.1"), &[ip("10.0.0.9")]),
            ip("10.0.0.9")
        );
    }
}
