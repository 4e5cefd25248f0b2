@testable import POP3Protocol

/// Drives a `POP3ServerSession` like a transport would: one user "alice"
/// (password "secret", SASL PLAIN), an in-memory maildrop, and every answer
/// fed back at once. It records what the session sent and asked for.
struct POP3SessionDriver {
    static let plainAlice = "AGFsaWNlAHNlY3JldA=="
    /// 1: CRLF; 2: LF line ends, a dot line, no final line end; 3: three body lines.
    static let defaultMessages: [[UInt8]] = [
        Array("Subject: one\r\n\r\nHello\r\n".utf8),
        Array("Subject: two\n\n.dot line\nlast line".utf8),
        Array("Subject: three\r\n\r\nline 1\r\nline 2\r\nline 3\r\n".utf8),
    ]

    var session: POP3ServerSession
    let store: [Int64: [UInt8]]
    let infos: [POP3MessageInfo]
    /// Each `.send`, decoded.
    var sent: [String] = []
    /// Every action in order.
    var actions: [POP3ServerAction] = []
    var maildropFailure: POP3MaildropFailure?
    var commitFails = false
    var loadFails = false

    init(messages: [[UInt8]] = Self.defaultMessages, _ configure: (inout POP3ServerConfiguration) -> Void = { _ in }) {
        var config = POP3ServerConfiguration(hostname: "pop.example.test")
        config.allowPlaintextWithoutTLS = true
        config.stlsOffered = true
        configure(&config)
        session = POP3ServerSession(configuration: config)
        var store: [Int64: [UInt8]] = [:]
        var infos: [POP3MessageInfo] = []
        for (index, message) in messages.enumerated() {
            let uid = Int64(101 + index)
            store[uid] = message
            infos.append(POP3MessageInfo(uid: uid, size: POP3MessageEncoder.size(of: message),
                                         uniqueID: POP3UniqueID.make(uidValidity: 7, uid: UInt32(uid))))
        }
        self.store = store
        self.infos = infos
        run(session.handle(.connected))
    }

    /// A driver already logged in as alice, in the TRANSACTION state.
    static func loggedIn(messages: [[UInt8]] = defaultMessages) -> POP3SessionDriver {
        var d = POP3SessionDriver(messages: messages)
        d.send("USER alice\r\nPASS secret\r\n")
        return d
    }

    mutating func send(_ text: String) { feed(Array(text.utf8)) }
    mutating func feed(_ bytes: [UInt8]) { run(session.handle(.bytes(bytes))) }
    mutating func event(_ event: POP3ServerEvent) { run(session.handle(event)) }

    mutating func run(_ initial: [POP3ServerAction]) {
        var queue = initial[...]
        while let action = queue.popFirst() {
            actions.append(action)
            switch action {
            case .send(let bytes):
                sent.append(String(decoding: bytes, as: UTF8.self))
            case .verifyPassword(let user, let password):
                queue += session.handle(user == "alice" && password == "secret"
                                        ? .authenticated("alice") : .authenticationFailed(.authenticationFailed))
            case .authenticate(_, let initialResponse):
                switch initialResponse {
                case nil: queue += session.handle(.saslChallenge(""))
                case Self.plainAlice?: queue += session.handle(.authenticated("alice"))
                default: queue += session.handle(.authenticationFailed(.authenticationFailed))
                }
            case .saslResponse(let line):
                switch line {
                case "*": queue += session.handle(.authenticationFailed(.authenticationAborted))
                case Self.plainAlice: queue += session.handle(.authenticated("alice"))
                default: queue += session.handle(.authenticationFailed(.authenticationFailed))
                }
            case .openMaildrop:
                queue += session.handle(maildropFailure.map { .maildropFailed($0) } ?? .maildropOpened(infos))
            case .retrieve(let uid, _, _):
                queue += session.handle(loadFails ? .messageLoadFailed : .messageLoaded(store[uid] ?? []))
            case .commitDeletions:
                queue += session.handle(commitFails ? .deletionsFailed : .deletionsCommitted)
            case .startTLS, .releaseMaildrop, .close:
                break
            }
        }
    }

    /// The first line of each response, without CRLF.
    var statusLines: [String] { sent.map { String($0.prefix { $0 != "\r\n" }) } }
    var lastStatus: String? { statusLines.last }
    var closed: Bool { actions.contains(.close) }
    var commits: [[Int64]] { actions.compactMap { if case .commitDeletions(let uids) = $0 { uids } else { nil } } }
    var releases: Int { actions.filter { $0 == .releaseMaildrop }.count }
}
