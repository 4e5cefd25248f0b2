import FuzzDriver
import IMAPProtocol

/// IMAP framing (literals of every kind, raw-line mode) and the command
/// grammar, on arbitrary bytes split where the first byte says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIMAP(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let split = bytes.first else { return 0 }
    var framer = IMAPCommandFramer(limits: IMAPFramerLimits(maxLineLength: 4096, maxLiteralSize: 64 * 1024,
                                                            maxCommandSize: 256 * 1024, maxLiteralCount: 64))
    let input = bytes.dropFirst()
    let chunk = max(1, Int(split))
    var offset = input.startIndex
    while offset < input.endIndex {
        let end = min(input.endIndex, offset + chunk)
        framer.append(input[offset..<end])
        offset = end
        while let event = framer.next() {
            if case .command(let command) = event {
                if case .success(let tagged) = IMAPCommandParser.parse(command),
                   case .idle = tagged.command {
                    framer.mode = .rawLines
                }
            } else if case .line = event {
                framer.mode = .commands
            }
        }
    }
    return 0
}

@_cdecl("FuzzIMAP_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzIMAP)
}
