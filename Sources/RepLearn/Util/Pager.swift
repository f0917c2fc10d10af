import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A key for the walkthrough: go on, or quit; `end` when there is no more input.
public enum PagerKey: Equatable { case next, quit, end }

/// Prints lines a screen at a time: when a screen is full it waits for a key (Enter or space to
/// go on, q to quit), like `more`. The terminal's size and keyboard are injected, so the paging
/// logic is tested without a terminal.
public final class Pager {
    /// Rows of the screen; 0 turns paging off.
    public let height: Int
    let write: (String) -> Void
    let readKey: (String) -> PagerKey
    /// Rows written since the last pause.
    public private(set) var rows = 0
    /// Set once the reader pressed q.
    public private(set) var quit = false
    /// Set when input ended (a pipe): from then on nothing pauses.
    public private(set) var inputEnded = false

    /// `readKey(prompt)` shows the prompt, waits for a key and clears the prompt.
    public init(height: Int, write: @escaping (String) -> Void, readKey: @escaping (String) -> PagerKey) {
        self.height = height; self.write = write; self.readKey = readKey
    }

    static let morePrompt = "— more: Enter, q to quit —"

    /// Writes one line (at most a screen row wide), pausing first when the screen is full.
    /// Returns false once the reader has quit.
    @discardableResult
    public func line(_ s: String) -> Bool {
        guard !quit else { return false }
        if height > 1, !inputEnded, rows >= height - 1 {
            if !pause(Self.morePrompt) { return false }
        }
        write(s)
        rows += 1
        return true
    }

    /// Lines written by someone else (an experiment's live output): they count towards the screen.
    public func wrote(rows n: Int) { rows += n }

    /// Waits for a key with `prompt`; false when the reader quit. Starts a new screen.
    @discardableResult
    public func pause(_ prompt: String) -> Bool {
        guard !quit else { return false }
        if inputEnded { return true }
        switch readKey(prompt) {
        case .next: rows = 0
        case .quit: quit = true
        case .end: inputEnded = true
        }
        return !quit
    }
}

/// Single keys from the terminal (raw mode: no Enter needed, no echo), with anything typed
/// while a long step ran thrown away first.
public enum Keyboard {
    public static var isTTY: Bool { isatty(STDIN_FILENO) != 0 }

    /// The terminal's settings before ``quiet()``, restored by ``restore()`` (also on Ctrl-C).
    nonisolated(unsafe) static var saved: termios?

    /// Rows of the terminal on stdout (24 when unknown).
    public static func height() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return 24
    }

    /// Turns echo and line buffering off while long steps run, so keys pressed meanwhile neither
    /// scribble on the output nor reach the next prompt; restored at exit and on Ctrl-C.
    public static func quiet() {
        guard isTTY, saved == nil else { return }
        var t = termios()
        guard tcgetattr(STDIN_FILENO, &t) == 0 else { return }
        saved = t
        t.c_lflag &= ~tcflag_t(ECHO | ICANON)
        withUnsafeMutableBytes(of: &t.c_cc) { cc in cc[Int(VMIN)] = 1; cc[Int(VTIME)] = 0 }
        tcsetattr(STDIN_FILENO, TCSANOW, &t)
        atexit { Keyboard.restore() }
        signal(SIGINT) { _ in Keyboard.restore(); _exit(130) }
        signal(SIGTERM) { _ in Keyboard.restore(); _exit(143) }
    }

    public static func restore() {
        guard var t = saved else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &t)
    }

    /// Shows `prompt`, discards keys typed before it, and waits for one key: Enter or space
    /// goes on, q (or Ctrl-D) quits; other keys are ignored. Without a terminal it reads
    /// a line instead (end of input: `.end`).
    public static func readKey(prompt: String) -> PagerKey {
        print(Terminal.dim(prompt), terminator: "")
        fflush(stdout)
        defer { print("\r" + String(repeating: " ", count: TextLayout.visibleWidth(prompt)) + "\r", terminator: ""); fflush(stdout) }
        guard isTTY else {
            guard let line = readLine() else { print(); return .end }
            return line.lowercased().hasPrefix("q") ? .quit : .next
        }
        quiet()
        tcflush(STDIN_FILENO, TCIFLUSH)                  // keys typed during the last step
        while true {
            var byte: UInt8 = 0
            let n = read(STDIN_FILENO, &byte, 1)
            if n <= 0 { return .end }
            switch byte {
            case 10, 13, 32: return .next                // Enter (LF or CR), space
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), 4: return .quit          // q, Ctrl-D
            default: continue
            }
        }
    }
}
