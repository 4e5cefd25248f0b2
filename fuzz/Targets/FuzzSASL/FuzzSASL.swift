import FuzzDriver
import CarrierAuth

/// The SASL server exchanges (PLAIN, LOGIN, SCRAM-SHA-256) on arbitrary client
/// lines: the input is split at newlines into the initial response and the
/// following responses, against a real stored credential.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSASL(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for mechanism in [SASLMechanism.plain, .login, .scramSHA256] {
        var exchange = SASLServerExchange(mechanism: mechanism, serverNonce: "fuzznonce")
        var step = exchange.start(initialResponse: lines.first)
        var rest = lines.dropFirst()
        for _ in 0..<8 {
            switch step {
            case .challenge:
                guard let line = rest.popFirst() else { break }
                step = exchange.receive(line)
                continue
            case .lookup:
                step = exchange.credentials(Credential.hash)
                continue
            case .success, .failure:
                break
            }
            break
        }
    }
    return 0
}

/// One stored credential, made once (PBKDF2 at the minimum rounds, so the fuzzer stays fast).
enum Credential {
    static let hash = try? PasswordHash.make(password: "secret", iterations: 4096)
}

@_cdecl("FuzzSASL_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzSASL)
}
