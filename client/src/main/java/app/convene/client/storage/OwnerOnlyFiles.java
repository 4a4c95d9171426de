package app.convene.client.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Folders and files that only their owner may read: {@code rwx------} and {@code rw-------} where
 * POSIX permissions exist, else an ACL that grants the owner alone. Files are replaced atomically
 * (written beside the target, then moved over it), so a crash leaves the old or the new file, never
 * half of one. Blocking I/O; callers serialise writes to one file.
 */
public final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  /** Creates {@code dir} and its parents if needed and restricts {@code dir} itself. */
  public static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    restrict(dir, "rwx------");
    return dir;
  }

  public static void write(Path file, byte[] content) throws IOException {
    Path dir = directory(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      restrict(temp, "rw-------");
      Files.write(temp, content);
      try {
        Files.move(
            temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrict(Path path, String posix) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(PosixFilePermissions.fromString(posix));
      return;
    }
    AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
    if (acl != null) {
      UserPrincipal owner = acl.getOwner();
      AclEntry onlyOwner =
          AclEntry.newBuilder()
              .setType(AclEntryType.ALLOW)
              .setPrincipal(owner)
              .setPermissions(EnumSet.allOf(AclEntryPermission.class))
              .build();
      acl.setAcl(List.of(onlyOwner));
    }
  }
}
