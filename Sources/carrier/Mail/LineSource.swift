/// Where `carrier mail` reads the lines typed to it: commands at the `& ` prompt
/// and the text of a reply. Standard input in the command; a script in tests.
protocol LineSource: AnyObject {
    /// Whether a person is typing (standard input is a terminal): prompts are shown.
    var isInteractive: Bool { get }
    /// The next line without its line end, after showing `prompt` when
    /// interactive; nil at end of input.
    func readLine(prompt: String) -> String?
}
