/// The text of a message typed to `carrier mail` line by line (a reply, or a
/// new message on a terminal): it ends at a line holding a single `.` or at
/// end of input, as mailx's does.
enum MessageText {
    /// The lines read, each ending in LF. When the source is a terminal, `EOT`
    /// is written to `sink` once the text is complete, as mailx shows it.
    static func read(from source: any LineSource, echoingEndTo sink: any TextSink) -> [UInt8] {
        var text: [UInt8] = []
        while let line = source.readLine(prompt: ""), line != "." {
            text += Array(line.utf8) + [10]
        }
        if source.isInteractive { sink.write("EOT\n") }
        return text
    }
}
