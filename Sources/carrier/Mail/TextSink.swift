/// Where `carrier mail` writes what it shows: headers, messages, answers.
/// Standard output in the command; a buffer in tests.
protocol TextSink: AnyObject {
    func write(_ bytes: [UInt8])
}

extension TextSink {
    func write(_ text: String) {
        write(Array(text.utf8))
    }
}
