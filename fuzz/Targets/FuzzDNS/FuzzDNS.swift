import FuzzDriver
import DNSWire

/// DNS answers as a hostile or broken resolver might send them (RFC 1035 §4):
/// compression loops, truncated records, bad lengths.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDNS(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? DNSMessage(parsing: Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
}

@_cdecl("FuzzDNS_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzDNS)
}
