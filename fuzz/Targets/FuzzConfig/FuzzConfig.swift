import FuzzDriver
import CarrierConfig

/// main.cf, aliases(5) and lookup-table text as an operator might mistype it:
/// parsing, expansion and typed settings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    if let configuration = try? ConfigLoader.load(text: text, path: "fuzz.cf", table: ParameterTable(hostname: "fuzz.test")) {
        _ = try? CarrierSettings(configuration)
    }
    _ = try? AliasFileParser.parse(text: text, path: "aliases")
    _ = try? LookupTableFileParser.parse(text: text, path: "table")
    return 0
}

@_cdecl("FuzzConfig_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzConfig)
}
