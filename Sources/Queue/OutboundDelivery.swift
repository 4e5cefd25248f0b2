import CarrierConfig
import CarrierNetwork
import CarrierStore
import Foundation
import LocalDelivery
import Logging
import MailCore
import Ingress
import SMTPProtocol

/// Delivers the remote recipients that share a next hop (`relayhost`, a
/// `transport_maps` entry, or the domain's MX hosts per RFC 5321 §5: lowest
/// preference first, random among equals, the domain itself when it has no
/// MX, an immediate bounce for a null MX, RFC 7505). The hosts are looked up
/// once; then several connections (Postfix's destination concurrency) each
/// carry message after message, trying the next host when one fails.
public struct OutboundDelivery: Sendable {
    /// What happened to one recipient.
    public enum Result: Sendable, Equatable {
        case delivered(relay: String, reply: String)
        case deferred(String)
        case bounced(BounceReason)
    }

    /// How many connections one destination gets.
    public struct Concurrency: Sendable {
        /// Connections before one has delivered (`initial_destination_concurrency`).
        public var initial: Int
        /// Connections once one has (`default_destination_concurrency_limit`).
        public var limit: Int

        public init(initial: Int, limit: Int) {
            self.initial = initial
            self.limit = limit
        }
    }

    let agent: SMTPDeliveryAgent
    let resolver: DNSResolver

    public init(agent: SMTPDeliveryAgent, resolver: DNSResolver) {
        self.agent = agent
        self.resolver = resolver
    }

    /// Delivers the jobs of `work` (and any added while it runs) to `hop`;
    /// every recipient of every job is settled exactly once.
    func deliver(_ work: DestinationWork, to hop: NextHop, policy: OutboundPolicy, concurrency: Concurrency,
                 load: @escaping @Sendable (OutboundJob) async -> AcceptedMessage?,
                 settle: @escaping @Sendable (OutboundJob, AcceptedMessage?, [Result]) async -> Void) async {
        let addresses: [(name: String, address: String, port: Int)]
        switch await self.addresses(for: hop, thisHost: policy.ehloName) {
        case .success(let found): addresses = found
        case .failure(let failure):
            for job in await work.leftover() { await settle(job, nil, job.recipients.map { _ in failure.result }) }
            return
        }
        // Jobs a later pass added while the last connection was saying QUIT:
        // connect again rather than settle them untried (a few times at most).
        for _ in 0..<3 {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<concurrency.limit {
                    group.addTask {
                        guard await work.admit() else { return }
                        await self.connect(work, addresses, policy: policy, load: load, settle: settle)
                        await work.leave()
                    }
                }
            }
            guard await work.delivered, await work.hasPending else { break }
        }
        let left = await work.leftover()
        guard !left.isEmpty else { return }
        // Jobs left after the destination took mail were never tried: defer them, never bounce them.
        let failure = await work.delivered ? nil : await work.lastFailure
        let result: Result = failure.map { $0.isTemporary ? .deferred($0.reason) : .bounced($0.bounceReason) }
            ?? .deferred("no connection to \(hop) took this message yet")
        for job in left { await settle(job, nil, job.recipients.map { _ in result }) }
    }

    /// One connection's life: the hosts in order until one takes the feed to its end.
    private func connect(_ work: DestinationWork, _ addresses: [(name: String, address: String, port: Int)],
                         policy: OutboundPolicy, load: @escaping @Sendable (OutboundJob) async -> AcceptedMessage?,
                         settle: @escaping @Sendable (OutboundJob, AcceptedMessage?, [Result]) async -> Void) async {
        for (name, address, port) in addresses {
            let feed = ConnectionFeed(work: work, load: load, settle: settle)
            switch await agent.run(feed, host: address, port: port, policy: policy, serverName: name) {
            case .finished:
                return
            case .failed(let failure):
                var located = failure
                if !failure.reason.hasPrefix("connect to ") {
                    located.reason = ConnectionFeed.reason(failure, relay: "\(name)[\(address)]:\(port)")
                }
                await work.failed(located)
                if await feed.deliveredCount > 0 { return }
            }
        }
    }

    /// The hosts of `hop` with their addresses, or the result every recipient gets when there are none.
    func addresses(for hop: NextHop, thisHost: String) async -> Swift.Result<[(name: String, address: String, port: Int)], ResultError> {
        let hosts: [(name: String, port: Int)]
        switch await self.hosts(for: hop, thisHost: thisHost) {
        case .success(let found): hosts = found
        case .failure(let result): return .failure(ResultError(result: result))
        }
        var addresses: [(name: String, address: String, port: Int)] = []
        var lookupFailure: String?
        for (name, port) in hosts {
            switch await self.addresses(of: name) {
            case .success(let found): addresses += found.map { (name, $0, port) }
            case .failure(let failure): lookupFailure = failure.reason
            }
        }
        if addresses.isEmpty { return .failure(ResultError(result: .deferred(lookupFailure ?? "no address for \(hop.host)"))) }
        return .success(addresses)
    }

    /// A result that ends a destination before any connection.
    struct ResultError: Error {
        var result: Result
    }

    /// Why a host's addresses could not be found.
    struct LookupFailure: Error {
        var reason: String
    }

    enum HostLookup {
        case success([(name: String, port: Int)])
        case failure(Result)
    }

    /// The hosts to try for `hop`, best MX first. `thisHost` (`$myhostname`)
    /// among the MX hosts is dropped with every host not better than it, and
    /// when none is left the mail is returned (RFC 5321 §5.1).
    func hosts(for hop: NextHop, thisHost: String) async -> HostLookup {
        guard hop.mxLookup else { return .success([(hop.host, hop.port)]) }
        do {
            switch try await resolver.mx(hop.host) {
            case .records(let records):
                if records.count == 1, records[0].isNullMX {
                    return .failure(.bounced(BounceReason("domain \(hop.host) does not accept mail (null MX, RFC 7505)",
                                                          status: EnhancedStatusCode(5, 1, 10))))
                }
                let own = records.filter { trimmedDot($0.exchange).lowercased() == thisHost.lowercased() }.map(\.preference).min()
                let better = own.map { limit in records.filter { $0.preference < limit } } ?? records
                guard !better.isEmpty else {
                    return .failure(.bounced(BounceReason("mail for \(hop.host) loops back to myself (\(thisHost) is its best MX host)",
                                                          status: EnhancedStatusCode(5, 4, 6))))
                }
                let ordered = Dictionary(grouping: better, by: \.preference).sorted { $0.key < $1.key }
                    .flatMap { $0.value.shuffled() }
                return .success(ordered.map { (trimmedDot($0.exchange), hop.port) })
            case .nodata:
                return .success([(hop.host, hop.port)])
            case .nxdomain:
                return .failure(.bounced(BounceReason("Host or domain name not found. Name service error for name=\(hop.host) type=MX: Host not found",
                                                      status: EnhancedStatusCode(5, 4, 4))))
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

    /// The TLS and SASL policy for `hop`, with `credentials` already looked up.
    static func policy(_ settings: CarrierSettings, credentials: (username: String, password: String)?) -> OutboundPolicy {
        let level = OutboundPolicy.TLSLevel(rawValue: settings.smtpTLSSecurityLevel) ?? .may
        var mechanisms = ["SCRAM-SHA-256", "PLAIN", "LOGIN"]
        if !settings.smtpSASLMechanismFilter.isEmpty {
            mechanisms = mechanisms.filter(settings.smtpSASLMechanismFilter.contains)
        }
        if settings.smtpSASLTLSSecurityOptions.contains("noplaintext") {
            mechanisms = mechanisms.filter { !["PLAIN", "LOGIN"].contains($0) }
        }
        return OutboundPolicy(ehloName: settings.myhostname, tlsLevel: level,
                              caFile: settings.smtpTLSCAfile.isEmpty ? nil : settings.smtpTLSCAfile,
                              caPath: settings.smtpTLSCApath.isEmpty ? nil : settings.smtpTLSCApath,
                              credentials: credentials, saslMechanisms: mechanisms,
                              allowPlaintextAuth: !settings.smtpSASLSecurityOptions.contains("noplaintext"))
    }
}
