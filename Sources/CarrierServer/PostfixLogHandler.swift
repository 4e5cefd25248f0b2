import Logging

/// A swift-log handler whose label is the Postfix program name (`smtpd`,
/// `cleanup`, `qmgr`, `local`, `master`); it hands each message to the shared
/// `MailLogWriter`. Warnings and errors also go to mail.err.
public struct PostfixLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let program: String
    let writer: MailLogWriter

    public init(program: String, writer: MailLogWriter) {
        self.program = program
        self.writer = writer
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        writer.write(program: program, message: event.message.description, isError: event.level >= .warning)
    }
}

extension MailLogWriter {
    /// A logger that writes as `syslog_name/program`.
    public func logger(_ program: String) -> Logger {
        Logger(label: program) { _ in PostfixLogHandler(program: program, writer: self) }
    }
}
