/// Turns what a program pipes into `sendmail` into the message Carrier stores:
/// LF line ends become CRLF, and unless `-i` was given a line with a single
/// dot ends the message, as in Sendmail.
enum SendmailInput {
    static func message(_ input: [UInt8], ignoreDots: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 40)
        var lineStart = 0
        while lineStart < input.count {
            let lf = input[lineStart...].firstIndex(of: 10)
            var end = lf ?? input.count
            if end > lineStart && input[end - 1] == 13 { end -= 1 }
            let line = input[lineStart..<end]
            if !ignoreDots && line.elementsEqual([UInt8(ascii: ".")]) { break }
            out.append(contentsOf: line)
            out.append(13)
            out.append(10)
            guard let lf else { break }
            lineStart = lf + 1
        }
        return out
    }
}
