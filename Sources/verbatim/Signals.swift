import Foundation

/// SIGINT and SIGTERM stop reading new records; what is in flight is finished
/// and written, so the output ends on a complete line. SIGPIPE is ignored so a
/// closed pipe shows up as EPIPE and ends the run quietly.
///
/// The handlers are installed without `SA_RESTART`, so a signal interrupts an
/// `open` or `read` that is blocked (an idle terminal, a FIFO without a writer):
/// the reader sees `EINTR`, asks ``interrupted`` and stops. Worker threads block
/// both signals (``OrderedParallelMap``), so they reach the reading thread.
enum Signals {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static var interrupted: Bool { flag != 0 }

    static func install() {
        // A parent may have left these blocked (the mask survives exec); unblock
        // them so an interrupt always reaches the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = { _ in Signals.flag = 1 }
            #else
            action.__sigaction_u.__sa_handler = { _ in Signals.flag = 1 }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR
            sigaction(signalNumber, &action, nil)
        }
    }
}
