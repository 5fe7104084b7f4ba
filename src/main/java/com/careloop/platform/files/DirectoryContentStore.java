package com.careloop.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.careloop.platform.NotFoundException;

/**
 * The bytes as files under one directory ({@code <dir>/<first two key characters>/<key>}). A file is written to a
 * temporary name in the same folder, forced to disk, then moved atomically to its name and the folder forced too: when
 * {@link #put} returns the bytes survive a kill -9 or power loss, and a reader never sees half a file.
 */
class DirectoryContentStore implements FileContentStore {

    private final Path root;

    DirectoryContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the file store directory " + this.root, e);
        }
    }

    Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path target = path(key);
        try {
            Path folder = Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(folder, ".upload-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            forceFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store file " + key, e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("stored-file-content", key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read file " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete file " + key, e);
        }
    }

    @Override
    public boolean transactional() {
        return false;
    }

    Path path(String key) {
        if (!key.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    /** The new name is durable only once the folder's entry is on disk (POSIX; a no-op where folders cannot be opened). */
    private static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel: its moves are durable by themselves
        }
    }
}
