import FuzzDriver
import IMAPProtocol
import MailCore

/// The RFC 5322 header and MIME parsers on arbitrary messages, and what IMAP
/// builds from them (ENVELOPE, BODYSTRUCTURE, sections, BINARY decoding).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let message = Array(UnsafeBufferPointer(start: data, count: count))
    let header = MessageHeader.parse(message)
    _ = IMAPEnvelope(header: header, utf8: count % 2 == 0)
    let tree = MIMEPart.parse(message)
    _ = IMAPBodyStructure(tree, utf8: count % 3 == 0)
    for path in [[1], [1, 1], [2], [1, 2, 1]] {
        _ = IMAPSectionExtractor.extract(IMAPSection(part: path, text: .mime), from: message, tree: tree)
        _ = IMAPBinaryDecoder.decode(part: path, from: message, tree: tree)
    }
    _ = IMAPSectionExtractor.extract(IMAPSection(part: [], text: .text), from: message, tree: tree)
    _ = tree.decodedBody(in: message)
    return 0
}

@_cdecl("FuzzMIME_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzMIME)
}
