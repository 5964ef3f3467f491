//! The one place that finds the client's address: the access log, the sign-in throttle and the
//! request log all take it from here.

use std::net::IpAddr;

use actix_web::HttpRequest;
use actix_web::http::header::HeaderMap;
use actix_web::web;
use chitieu_schema::accounts::Origin;

use crate::proxies::{TrustedProxies, canonical};
use crate::request_id;

/// The client address and request id of `req`, for the access log.
pub fn origin_of(req: &HttpRequest) -> Origin {
    Origin {
        client_ip: client_ip(req).map(|ip| ip.to_string()),
        request_id: request_id::current().map(|c| c.id),
    }
}

/// The address of the client that sent `req`: the TCP peer, unless the peer is one of the
/// trusted proxies (`CHITIEU_TRUSTED_PROXIES`), in which case the `Forwarded` (or else
/// `X-Forwarded-For`) chain is read back to the first address that is not a trusted proxy.
/// Headers from anyone else are ignored: a client could set them to escape the per-address
/// sign-in limit or to blame another address in the access log.
pub fn client_ip(req: &HttpRequest) -> Option<IpAddr> {
    let peer = canonical(req.peer_addr()?.ip());
    match req.app_data::<web::Data<TrustedProxies>>() {
        Some(proxies) if proxies.trusts(peer) => {
            Some(proxies.client_ip(peer, &forwarded_chain(req.headers())))
        }
        _ => Some(peer),
    }
}

/// The addresses of the forwarding headers, client first. `Forwarded` (RFC 7239) wins over
/// `X-Forwarded-For` when both are present; an entry that is not an address (`unknown`, an
/// obfuscated name) ends the chain there, since nothing before it can be checked.
fn forwarded_chain(headers: &HeaderMap) -> Vec<IpAddr> {
    let forwarded: Vec<&str> = headers
        .get_all("forwarded")
        .filter_map(|v| v.to_str().ok())
        .collect();
    let entries: Vec<Option<IpAddr>> = if forwarded.is_empty() {
        headers
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(parse_node)
            .collect()
    } else {
        forwarded
            .iter()
            .flat_map(|v| v.split(','))
            .map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.split_once('='))
                    .find(|(key, _)| key.trim().eq_ignore_ascii_case("for"))
                    .and_then(|(_, value)| parse_node(value))
            })
            .collect()
    };
    // Keep only the part after the last entry we cannot read.
    let readable_tail = entries
        .iter()
        .rposition(Option::is_none)
        .map_or(0, |i| i + 1);
    entries[readable_tail..].iter().flatten().copied().collect()
}

/// `203.0.113.7`, `203.0.113.7:4711`, `"[2001:db8::1]:4711"` or `2001:db8::1`.
fn parse_node(raw: &str) -> Option<IpAddr> {
    let node = raw.trim().trim_matches('"');
    if let Ok(ip) = node.parse() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    node.rsplit_once(':')?.0.parse().ok()
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn client(proxies: &str, peer: &str, headers: &[(&str, &str)]) -> String {
        let mut req = TestRequest::default()
            .peer_addr(peer.parse().unwrap())
            .app_data(web::Data::new(TrustedProxies::parse(proxies).unwrap()));
        for (name, value) in headers {
            req = req.append_header((*name, *value));
        }
        client_ip(&req.to_http_request()).unwrap().to_string()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client() {
        let spoofed = [("x-forwarded-for", "203.0.113.7")];
        assert_eq!(client("", "127.0.0.1:5000", &spoofed), "127.0.0.1");
    }

    #[test]
    fn a_trusted_proxy_passes_on_x_forwarded_for() {
        let headers = [("x-forwarded-for", "198.51.100.9, 203.0.113.7")];
        assert_eq!(
            client("127.0.0.1", "127.0.0.1:5000", &headers),
            "203.0.113.7"
        );
    }

    #[test]
    fn forwarded_is_read_with_quoted_ipv6_and_ports() {
        let headers = [(
            "forwarded",
            r#"for=192.0.2.60;proto=https, for="[2001:db8:cafe::17]:4711""#,
        )];
        assert_eq!(
            client("127.0.0.1", "127.0.0.1:5000", &headers),
            "2001:db8:cafe::17"
        );
        let both = [
            ("forwarded", "for=192.0.2.60"),
            ("x-forwarded-for", "198.51.100.1"),
        ];
        assert_eq!(client("127.0.0.1", "127.0.0.1:5000", &both), "192.0.2.60");
    }

    #[test]
    fn an_unreadable_hop_stops_the_walk_at_our_proxy() {
        let headers = [("forwarded", "for=unknown")];
        assert_eq!(client("127.0.0.1", "127.0.0.1:5000", &headers), "127.0.0.1");
    }
}
