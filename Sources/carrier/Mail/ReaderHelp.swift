/// The text of `?` / `help` in `carrier mail`'s reader.
enum ReaderHelp {
    static let text = """
        Commands (a list is N, N-M, *, $, ^ or .; without one, the current message):
          h                 print the header summary
          p [list]          print messages (also t, type, or just a list)
          n, Enter          print the next message
          d [list]          delete messages
          u [list]          undelete messages
          s [list] FILE     append messages to FILE in mbox format
          r [N]             reply to the sender (text ends with a line "." or end of input)
          q                 quit: remove deleted messages, keep the rest marked read or old
          x                 quit without changing the mailbox
          ?, help           print this help

        """
}
