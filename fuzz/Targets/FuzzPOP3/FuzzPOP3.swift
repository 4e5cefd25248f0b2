import FuzzDriver
import POP3Protocol

/// The POP3 server session on arbitrary client bytes, logged in as soon as it
/// asks and with a small maildrop, so every state is reachable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPOP3(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let split = bytes.first else { return 0 }
    var configuration = POP3ServerConfiguration(hostname: "fuzz.test")
    configuration.allowPlaintextWithoutTLS = true
    configuration.stlsOffered = true
    var session = POP3ServerSession(configuration: configuration)
    let message: [UInt8] = Array("Subject: x\r\n\r\n.line\r\nbody\r\n".utf8)
    let maildrop = (1...3).map { POP3MessageInfo(uid: Int64($0), size: message.count, uniqueID: "u\($0)") }
    var pending = session.handle(.connected)
    let input = bytes.dropFirst()
    let chunk = max(1, Int(split))
    var offset = input.startIndex
    while offset < input.endIndex || !pending.isEmpty {
        var next: [POP3ServerAction] = []
        for action in pending {
            switch action {
            case .verifyPassword(let user, _): next += session.handle(.authenticated(user))
            case .authenticate, .saslResponse: next += session.handle(.authenticated("fuzz"))
            case .openMaildrop: next += session.handle(.maildropOpened(maildrop))
            case .retrieve: next += session.handle(.messageLoaded(message))
            case .commitDeletions: next += session.handle(.deletionsCommitted)
            case .startTLS: next += session.handle(.tlsEstablished)
            case .send, .releaseMaildrop, .close: break
            }
        }
        pending = next
        if pending.isEmpty, offset < input.endIndex {
            let end = min(input.endIndex, offset + chunk)
            pending = session.handle(.bytes(Array(input[offset..<end])))
            offset = end
        }
    }
    return 0
}

@_cdecl("FuzzPOP3_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzPOP3)
}
