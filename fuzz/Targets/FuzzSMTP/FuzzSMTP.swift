import FuzzDriver
import SMTPProtocol

/// The SMTP server session fed arbitrary client bytes, split where the input's
/// first byte says, with every question answered yes: command parsing, ESMTP
/// parameters, DATA and BDAT receivers and the sequencing table.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSMTP(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let split = bytes.first else { return 0 }
    let input = bytes.dropFirst()
    var session = SMTPServerSession(configuration: SMTPServerConfiguration(
        hostname: "fuzz.test", banner: "fuzz.test ESMTP", maximumMessageSize: 64 * 1024))
    var pending = session.start()
    let chunk = max(1, Int(split))
    var offset = input.startIndex
    while offset < input.endIndex || !pending.isEmpty {
        var next: [SMTPServerAction] = []
        for action in pending {
            switch action {
            case .checkSender: next += session.handle(.senderChecked(.senderOk))
            case .checkRecipient: next += session.handle(.recipientChecked(.recipientOk))
            case .verify: next += session.handle(.verified(.vrfyCannotVerify))
            case .deliver: next += session.handle(.delivered(.ok))
            case .startTLS: next += session.handle(.tlsEstablished)
            case .authenticate, .saslResponse: next += session.handle(.authenticated("fuzz"))
            case .send, .transactionAborted, .close: break
            }
        }
        pending = next
        if pending.isEmpty, offset < input.endIndex {
            let end = min(input.endIndex, offset + chunk)
            pending = session.receive(input[offset..<end])
            offset = end
        }
    }
    return 0
}

@_cdecl("FuzzSMTP_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzSMTP)
}
