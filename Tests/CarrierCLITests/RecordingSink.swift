@testable import carrier

/// A `TextSink` that keeps everything written to it.
final class RecordingSink: TextSink {
    private(set) var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func write(_ bytes: [UInt8]) {
        self.bytes += bytes
    }
}
