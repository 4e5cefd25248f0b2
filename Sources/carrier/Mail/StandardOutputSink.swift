import Foundation

/// Standard output, written unbuffered so it interleaves with prompts and
/// with programs reading a pipe.
final class StandardOutputSink: TextSink {
    func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
