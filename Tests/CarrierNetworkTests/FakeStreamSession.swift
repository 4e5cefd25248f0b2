import CarrierNetwork
import NIOConcurrencyHelpers

/// A line echo session: each CRLF line comes back as it was sent; `STARTTLS`
/// is answered `220` with `startTLS` (dropping the rest of its buffer, as a real
/// session must); `COMPRESS` is answered `OK` with `startCompression`; `QUIT`
/// closes; `FLOOD` answers 400 steps of 256 KiB, each from the previous
/// step's `next` work (counted in `floodSteps`); `SLOW` answers from `next`
/// work that takes 300 ms. It records every call it gets.
final class FakeStreamSession: StreamSession {
    enum Event: Equatable, Sendable {
        case started(TLSInfo?)
        case line(String)
        case tlsEstablished(TLSInfo)
        case timedOut
        case shutdown
        case disconnected
    }

    private struct State {
        var buffer: [UInt8] = []
        var events: [Event] = []
        var floodSteps = 0
    }

    private let state = NIOLockedValueBox(State())
    /// When set, the `220` for STARTTLS comes from `next` work that takes this long.
    private let startTLSDelay: Duration?

    init(startTLSDelay: Duration? = nil) {
        self.startTLSDelay = startTLSDelay
    }

    var events: [Event] { state.withLockedValue { $0.events } }
    var floodSteps: Int { state.withLockedValue { $0.floodSteps } }
    var lines: [String] { events.compactMap { if case .line(let line) = $0 { line } else { nil } } }

    func start(tls: TLSInfo?) -> StreamStep {
        record(.started(tls))
        let suffix = tls.map { " \($0.protocolVersion) \($0.cipherSuite)" } ?? ""
        return StreamStep(output: StreamOutput(bytes: Array("220 fake ready\(suffix)\r\n".utf8)))
    }

    func receive(_ bytes: [UInt8]) -> StreamStep {
        state.withLockedValue { $0.buffer += bytes }
        var echo: [UInt8] = []
        while let line = takeLine() {
            record(.line(line))
            switch line {
            case "STARTTLS":
                state.withLockedValue { $0.buffer = [] }
                return startTLSStep(after: echo)
            case "COMPRESS":
                state.withLockedValue { $0.buffer = [] }
                return StreamStep(output: StreamOutput(bytes: echo + Array("OK deflate\r\n".utf8), startCompression: true))
            case "FLOOD":
                return flood()
            case "SLOW":
                return StreamStep(output: StreamOutput(bytes: echo)) {
                    try? await Task.sleep(for: .milliseconds(300))
                    return StreamStep(output: StreamOutput(bytes: Array("SLOW done\r\n".utf8)))
                }
            case "QUIT":
                return StreamStep(output: StreamOutput(bytes: echo + Array("221 bye\r\n".utf8), close: true))
            default:
                echo += Array("\(line)\r\n".utf8)
            }
        }
        return StreamStep(output: StreamOutput(bytes: echo))
    }

    func tlsEstablished(_ info: TLSInfo) -> StreamStep {
        record(.tlsEstablished(info))
        return StreamStep(output: StreamOutput())
    }

    func timedOut() -> StreamStep {
        record(.timedOut)
        return StreamStep(output: StreamOutput(bytes: Array("421 timeout\r\n".utf8), close: true))
    }

    func shutdown() -> StreamStep {
        record(.shutdown)
        return StreamStep(output: StreamOutput(bytes: Array("421 shutdown\r\n".utf8), close: true))
    }

    func disconnected() {
        record(.disconnected)
    }

    private func startTLSStep(after echo: [UInt8]) -> StreamStep {
        let ready = StreamOutput(bytes: Array("220 Ready to start TLS\r\n".utf8), startTLS: true)
        guard let startTLSDelay else {
            return StreamStep(output: StreamOutput(bytes: echo + ready.bytes, startTLS: true))
        }
        return StreamStep(output: StreamOutput(bytes: echo)) {
            try? await Task.sleep(for: startTLSDelay)
            return StreamStep(output: ready)
        }
    }

    private func flood() -> StreamStep {
        let produced = state.withLockedValue { state in
            state.floodSteps += 1
            return state.floodSteps
        }
        let output = StreamOutput(bytes: [UInt8](repeating: UInt8(ascii: "x"), count: 256 * 1024))
        guard produced < 400 else { return StreamStep(output: output) }
        return StreamStep(output: output) { self.flood() }
    }

    private func takeLine() -> String? {
        state.withLockedValue { state in
            guard let end = state.buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let line = state.buffer[..<end].filter { $0 != UInt8(ascii: "\r") }
            state.buffer.removeSubrange(...end)
            return String(decoding: line, as: UTF8.self)
        }
    }

    private func record(_ event: Event) {
        state.withLockedValue { $0.events.append(event) }
    }
}
