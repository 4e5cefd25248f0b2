import CarrierConfig
import CarrierNetwork
import CarrierStore
import Foundation
import LocalDelivery
import Logging
import MailCore
import Ingress
import SMTPProtocol

/// Chooses where a remote recipient's mail goes (`relayhost`, or the domain's
/// MX hosts per RFC 5321 §5: lowest preference first, random among equals, the
/// domain itself when it has no MX, an immediate bounce for a null MX, RFC 7505)
/// and hands it to `SMTPDeliveryAgent`, host after host until one takes it.
public struct OutboundDelivery: Sendable {
    /// What happened to one recipient.
    public enum Result: Sendable {
        case delivered(relay: String, reply: String)
        case deferred(String)
        case bounced(String)
    }

    let agent: SMTPDeliveryAgent
    let resolver: DNSResolver

    public init(agent: SMTPDeliveryAgent, resolver: DNSResolver) {
        self.agent = agent
        self.resolver = resolver
    }

    public func deliver(_ message: AcceptedMessage, to recipient: EmailAddress, settings: CarrierSettings) async -> Result {
        let hop = NextHop(relayhost: settings.relayhost) ?? .domain(recipient.normalizedDomain)
        let hosts: [(name: String, port: Int)]
        switch await self.hosts(for: hop) {
        case .success(let found): hosts = found
        case .failure(let result): return result
        }
        var addresses: [(name: String, address: String, port: Int)] = []
        var lookupFailure: String?
        for (name, port) in hosts {
            switch await self.addresses(of: name) {
            case .success(let found): addresses += found.map { (name, $0, port) }
            case .failure(let failure): lookupFailure = failure.reason
            }
        }
        if addresses.isEmpty { return .deferred(lookupFailure ?? "no address for \(hop.host)") }
        let policy = await self.policy(for: hop, settings)
        let outbound = SMTPOutboundMessage(
            sender: message.sender.isEmpty ? nil : try? EnvelopeAddressParser.parse(message.sender),
            recipients: [.init(address: recipient, parameters: RcptParameters())], body: message.content,
            isEightBit: message.content.contains { $0 >= 0x80 }, needsSMTPUTF8: recipient.isInternationalized,
            envelopeID: message.envelopeID)
        var lastReason = "no host to deliver to"
        for (host, address, port) in addresses {
            switch await agent.deliver(outbound, host: address, port: port, policy: policy, serverName: host) {
            case .completed(let result):
                if let failure = result.messageFailure {
                    let text = "\(host)[\(address)]:\(port): \(failure.reason)"
                    return failure.isTemporary ? .deferred(text) : .bounced(text)
                }
                switch result.recipients.first?.outcome {
                case .delivered(let reply)?: return .delivered(relay: "\(host)[\(address)]:\(port)", reply: reply.description)
                case .failed(let failure)?:
                    return failure.isTemporary ? .deferred(failure.reason) : .bounced(failure.reason)
                case nil: return .deferred("no answer for the recipient")
                }
            case .connectionFailed(let failure):
                lastReason = "\(host)[\(address)]:\(port): \(failure.reason)"
                if !failure.isTemporary { return .bounced(lastReason) }
            }
        }
        return .deferred(lastReason)
    }

    /// Why a host's addresses could not be found.
    struct LookupFailure: Error {
        var reason: String
    }

    enum HostLookup {
        case success([(String, Int)])
        case failure(Result)
    }

    func hosts(for hop: NextHop) async -> HostLookup {
        guard hop.mxLookup else { return .success([(hop.host, hop.port)]) }
        do {
            switch try await resolver.mx(hop.host) {
            case .records(let records):
                if records.count == 1, records[0].isNullMX {
                    return .failure(.bounced("domain \(hop.host) does not accept mail (null MX, RFC 7505)"))
                }
                let ordered = Dictionary(grouping: records, by: \.preference).sorted { $0.key < $1.key }
                    .flatMap { $0.value.shuffled() }
                return .success(ordered.map { (trimmedDot($0.exchange), hop.port) })
            case .nodata:
                return .success([(hop.host, hop.port)])
            case .nxdomain:
                return .failure(.bounced("Host or domain name not found. Name service error for name=\(hop.host) type=MX: Host not found"))
            }
        } catch {
            return .failure(.deferred("Host or domain name not found. Name service error for name=\(hop.host) type=MX: \(error)"))
        }
    }

    /// The IPv4 then IPv6 addresses of a host (an address literal is itself).
    /// When DNS knows no address the name itself is returned, so the system's
    /// resolver (/etc/hosts) gets a try, as Postfix's `smtp_host_lookup = dns, native`.
    func addresses(of name: String) async -> Swift.Result<[String], LookupFailure> {
        if name.first?.isNumber == true || name.contains(":") { return .success([name]) }
        var found: [String] = []
        var failure: (any Error)?
        do {
            if case .records(let v4) = try await resolver.a(name) { found += v4.map(\.description) }
        } catch {
            failure = error
        }
        if let answer = try? await resolver.aaaa(name), case .records(let v6) = answer { found += v6.map(\.description) }
        if found.isEmpty, failure != nil || name == "localhost" || !name.contains(".") { return .success([name]) }
        return found.isEmpty ? .failure(LookupFailure(reason: "Host or domain name not found: no address for \(name)")) : .success(found)
    }

    func trimmedDot(_ name: String) -> String {
        name.hasSuffix(".") ? String(name.dropLast()) : name
    }

    func policy(for hop: NextHop, _ settings: CarrierSettings) async -> OutboundPolicy {
        let level = OutboundPolicy.TLSLevel(rawValue: settings.smtpTLSSecurityLevel) ?? .may
        var credentials: (username: String, password: String)?
        if settings.smtpSASLAuthEnable {
            credentials = try? await SASLPasswordMap(tables: settings.smtpSASLPasswordMaps).credentials(for: hop)
        }
        return OutboundPolicy(ehloName: settings.myhostname, tlsLevel: level,
                              caFile: settings.smtpTLSCAfile.isEmpty ? nil : settings.smtpTLSCAfile, credentials: credentials)
    }
}
