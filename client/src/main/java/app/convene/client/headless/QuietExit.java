package app.convene.client.headless;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Ends the process with nothing after our last line of standard output. webrtc-java 0.14's native
 * library prints "VM attach current thread failed" to file descriptor 1 while the JVM shuts down
 * (even when nothing but the library was loaded), which would break scripts that read the
 * summary line. On POSIX systems we point descriptor 1 at /dev/null right before exiting.
 */
@SuppressWarnings("restricted") // we enable native access for the app
final class QuietExit {
  private QuietExit() {}

  static void exit(int status) {
    System.out.flush();
    System.err.flush();
    if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
      try {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        MethodHandle dup2 = linker.downcallHandle(libc.find("dup2").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
          MemorySegment path = arena.allocateFrom("/dev/null");
          int devNull = (int) open.invokeExact(path, 1); // O_WRONLY
          if (devNull >= 0) {
            int ignored = (int) dup2.invokeExact(devNull, 1);
          }
        }
      } catch (Throwable e) {
        // Best effort: the worst case is the library's two stray lines.
      }
    }
    System.exit(status);
  }
}
