/// A command of `carrier mail`'s reader that cannot be carried out, with the
/// text mailx would answer (`3: Invalid message number`); the session goes on.
struct ReaderError: Error, Equatable {
    let message: String
}
