import FuzzDriver
import IMAPProtocol
import MailCore

/// The RFC 5322 header and MIME parsers on arbitrary messages, and what IMAP
/// builds from them (ENVELOPE, BODYSTRUCTURE, sections, BINARY decoding);
/// the MIME skeleton's stored form, round-tripped and decoded from garbage.
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
    let skeleton = MIMESkeleton(tree)
    precondition(MIMESkeleton(encoded: skeleton.encoded()) == skeleton, "stored skeleton does not round-trip")
    // The input as a corrupt stored skeleton: refused, or safe to answer from.
    if let stored = MIMESkeleton(encoded: message) {
        _ = IMAPBodyStructure(stored, utf8: count % 3 == 0)
        for path in [[], [1], [1, 1], [2], [1, 2, 1]] {
            _ = IMAPSectionExtractor.locate(IMAPSection(part: path, text: .headerFields(["subject"])), in: stored)
            _ = IMAPBinaryDecoder.locate(part: path, in: stored)
        }
    }
    return 0
}

@_cdecl("FuzzMIME_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzMIME)
}
