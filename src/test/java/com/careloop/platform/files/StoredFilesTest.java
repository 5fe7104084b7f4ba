package com.careloop.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import com.careloop.platform.AuditEntry;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.StoredFiles.StoredFile;
import com.careloop.platform.UploadedFiles;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The file store on both backends (database: the application's bean; directory: the same service over a
 * {@link TempDir}), on H2 and, in the postgres run, on PostgreSQL.
 */
class StoredFilesTest extends ApiTestBase {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    StoredFiles applicationStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    CurrentUsers users;
    @Autowired
    Clock clock;
    @Autowired
    FilesProperties properties;
    @Autowired
    TransactionTemplate tx;

    @TempDir
    Path dir;

    /** An S3-compatible server in this JVM (s3proxy), one bucket for the class (ADR 0027). */
    private static org.gaul.s3proxy.junit.S3ProxyJunitCore s3Server;
    private static final String BUCKET = "careloop-files";

    private DirectoryContentStore directory;
    private StoredFiles directoryStore;
    private S3ContentStore s3;
    private StoredFiles s3Store;
    private long owner;

    @org.junit.jupiter.api.BeforeAll
    static void startS3() throws Exception {
        s3Server = new org.gaul.s3proxy.junit.S3ProxyJunitCore.Builder().withCredentials("access-test", "secret-test")
                .build();
        s3Server.beforeEach();
        try (var client = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(s3Server.getUri()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("access-test", "secret-test")))
                .forcePathStyle(true).build()) {
            client.createBucket(r -> r.bucket(BUCKET));
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void stopS3() {
        s3Server.afterEach();
    }

    static FilesProperties.S3 s3Settings() {
        return new FilesProperties.S3(BUCKET, s3Server.getUri().toString(), "us-east-1", "access-test", "secret-test",
                true, "files/", java.time.Duration.ofSeconds(20));
    }

    @BeforeEach
    void setUp() {
        directory = new DirectoryContentStore(dir);
        directoryStore = new JdbcStoredFiles(jdbc, directory, audit, users, clock, properties);
        s3 = new S3ContentStore(s3Settings());
        s3Store = new JdbcStoredFiles(jdbc, s3, audit, users, clock, properties);
        owner = System.nanoTime();
    }

    private StoredFiles files(FilesProperties.Backend backend) {
        return switch (backend) {
            case DATABASE -> applicationStore;
            case DIRECTORY -> txProxy(directoryStore);
            case S3 -> txProxy(s3Store);
        };
    }

    /** The hand-made directory store has no @Transactional proxy: each call runs in its own transaction here. */
    private StoredFiles txProxy(StoredFiles target) {
        return (StoredFiles) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StoredFiles.class}, (p, m, args) -> tx.execute(s -> {
                    try {
                        return m.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    private static UploadedFiles.Checked checked(String name, String type, byte[] bytes) {
        return new UploadedFiles.Checked(name, type, bytes);
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private List<AuditEntry> trail() {
        return audit.history("test-owner", String.valueOf(owner));
    }

    @ParameterizedTest
    @EnumSource(FilesProperties.Backend.class)
    void aStoredFileComesBackByteForByteListedUnderItsOwnerAndAudited(FilesProperties.Backend backend) throws IOException {
        StoredFiles files = files(backend);
        byte[] photo = png(40, 30);
        StoredFile scan = files.store("test-owner", owner, "scan", checked("合同扫描.pdf", "application/pdf", PDF));
        StoredFile picture = files.store("test-owner", owner, "photo", checked("damage.png", "image/png", photo));

        assertThat(scan.contentType()).isEqualTo("application/pdf");
        assertThat(scan.size()).isEqualTo(PDF.length);
        assertThat(scan.image()).isFalse();
        assertThat(picture.image()).isTrue();
        assertThat(files.content(scan.id())).isEqualTo(PDF);
        assertThat(files.content(picture.id())).isEqualTo(photo);
        assertThat(files.find(scan.id()).orElseThrow()).usingRecursiveComparison().ignoringFields("storedAt").isEqualTo(scan);
        assertThat(files.list("test-owner", owner)).extracting(StoredFile::fileName).containsExactly("合同扫描.pdf", "damage.png");
        assertThat(files.list("test-owner", owner + 1)).isEmpty();
        assertThat(jdbc.sql("select sha256 from stored_file where id = :id").param("id", scan.id()).query(String.class).single())
                .isEqualTo(JdbcStoredFiles.sha256(PDF));
        assertThat(trail()).extracting(AuditEntry::action).containsExactly("FILE_ADDED", "FILE_ADDED");
        assertThat(trail().get(0).changes().get(0).newValue()).contains("合同扫描.pdf");
        if (backend == FilesProperties.Backend.DIRECTORY) {
            String key = key(scan.id());
            assertThat(Files.readAllBytes(directory.path(key))).isEqualTo(PDF);
            assertThat(jdbc.sql("select count(*) from stored_file_content where storage_key = :k").param("k", key)
                    .query(Long.class).single()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(FilesProperties.Backend.class)
    void anImageHasAJpegThumbnailOfAtMost320PixelsAndOtherFilesNone(FilesProperties.Backend backend) throws IOException {
        StoredFiles files = files(backend);
        StoredFile wide = files.store("test-owner", owner, "photo", checked("wide.png", "image/png", png(800, 400)));
        StoredFile small = files.store("test-owner", owner, "photo", checked("small.png", "image/png", png(100, 60)));
        StoredFile pdf = files.store("test-owner", owner, "scan", checked("a.pdf", "application/pdf", PDF));

        byte[] thumb = files.thumbnail(wide.id()).orElseThrow();
        assertThat(thumb).startsWith((byte) 0xff, (byte) 0xd8, (byte) 0xff);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(read.getWidth()).isEqualTo(320);
        assertThat(read.getHeight()).isEqualTo(160);
        // the left half stays red, the right half blue
        assertThat(new Color(read.getRGB(40, 80)).getRed()).isGreaterThan(200);
        assertThat(new Color(read.getRGB(280, 80)).getBlue()).isGreaterThan(200);
        BufferedImage notEnlarged = ImageIO.read(new ByteArrayInputStream(files.thumbnail(small.id()).orElseThrow()));
        assertThat(notEnlarged.getWidth()).isEqualTo(100);
        assertThat(files.thumbnail(pdf.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FilesProperties.Backend.class)
    void aFileWhoseBytesAreNotItsDeclaredKindIsRefusedNamingTheFieldAndNothingIsStored(FilesProperties.Backend backend) {
        StoredFiles files = files(backend);
        byte[] exe = "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> files.store("test-owner", owner, "photo", checked("photo.png", "image/png", exe)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.rule()).isEqualTo("content-type");
                });
        // a PNG handed over as a PDF
        assertThatThrownBy(() -> files.store("test-owner", owner, "scan", checked("x.pdf", "application/pdf", png(2, 2))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("content-type-mismatch"));
        byte[] big = Arrays.copyOf(PDF, (int) properties.maxSize().toBytes() + 1);
        assertThatThrownBy(() -> files.store("test-owner", owner, "scan", checked("big.pdf", "application/pdf", big)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.rule()).isEqualTo("max-size");
                });
        assertThat(files.list("test-owner", owner)).isEmpty();
        assertThat(trail()).isEmpty();
        if (backend == FilesProperties.Backend.DIRECTORY) {
            assertThat(dir.toFile().list()).isEmpty();
        }
    }

    @Test
    void theStoresCheckKnowsTiffAndOfficeDocumentsAndRefusesTheRest() {
        byte[] tiff = {'I', 'I', 0x2a, 0x00, 8, 0, 0, 0};
        assertThat(applicationStore.check("scan.tif", "image/tiff", tiff).contentType()).isEqualTo("image/tiff");
        byte[] zip = Arrays.copyOf(new byte[] {'P', 'K', 3, 4}, 64);
        assertThat(applicationStore.check("list.xlsx", null, zip).contentType()).endsWith("spreadsheetml.sheet");
        assertThat(applicationStore.check("letter.docx", null, zip).contentType()).endsWith("wordprocessingml.document");
        assertThat(applicationStore.check("IMG_0001.HEIC", "image/heif", heif("heic")).contentType()).isEqualTo("image/heic");
        assertThat(applicationStore.check("photo.heif", null, heif("mif1")).contentType()).isEqualTo("image/heic");
        // an MP4 video has the same box structure but is no photo
        assertThatThrownBy(() -> applicationStore.check("clip.heic", "image/heic", heif("isom")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("content-type"));
        assertThatThrownBy(() -> applicationStore.check("page.html", "text/html", "<script>".getBytes()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("file"));
    }

    @ParameterizedTest
    @EnumSource(FilesProperties.Backend.class)
    void aHeicPhotoIsStoredAsAnImageWithoutAThumbnail(FilesProperties.Backend backend) {
        StoredFiles files = files(backend);
        StoredFile photo = files.store("test-owner", owner, "photo", checked("IMG_0002.HEIC", "image/heic", heif("heic")));
        assertThat(photo.image()).isTrue();
        assertThat(photo.contentType()).isEqualTo("image/heic");
        assertThat(files.content(photo.id())).isEqualTo(heif("heic"));
        // the JDK cannot decode HEVC: the pages show a placeholder instead of a preview
        assertThat(files.thumbnail(photo.id())).isEmpty();
    }

    /** The first box of an ISO media file: size, "ftyp", major brand, minor version, compatible brands. */
    private static byte[] heif(String brand) {
        byte[] b = Arrays.copyOf(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, 64);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
        System.arraycopy("mif1".getBytes(StandardCharsets.US_ASCII), 0, b, 16, 4);
        return b;
    }

    @ParameterizedTest
    @EnumSource(FilesProperties.Backend.class)
    void deletingRemovesTheRowAndTheBytesAndIsAudited(FilesProperties.Backend backend) throws IOException {
        StoredFiles files = files(backend);
        StoredFile keep = files.store("test-owner", owner, "photo", checked("keep.png", "image/png", png(10, 10)));
        StoredFile gone = files.store("test-owner", owner, "photo", checked("gone.png", "image/png", png(12, 12)));
        String key = key(gone.id());
        files.thumbnail(gone.id());

        files.delete(gone.id());

        assertThat(files.find(gone.id())).isEmpty();
        assertThat(files.list("test-owner", owner)).extracting(StoredFile::id).containsExactly(keep.id());
        assertThatThrownBy(() -> files.content(gone.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> files.thumbnail(gone.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> files.delete(gone.id())).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from stored_file_content where storage_key = :k").param("k", key)
                .query(Long.class).single()).isZero();
        if (backend == FilesProperties.Backend.DIRECTORY) {
            assertThat(directory.path(key)).doesNotExist();
            assertThat(directory.path(key(keep.id()))).exists();
        }
        if (backend == FilesProperties.Backend.S3) {
            assertThatThrownBy(() -> s3.get(key)).isInstanceOf(NotFoundException.class);
            assertThat(s3.get(key(keep.id()))).isNotEmpty();
        }
        assertThat(trail()).extracting(AuditEntry::action).containsExactly("FILE_ADDED", "FILE_ADDED", "FILE_DELETED");
        assertThat(trail().get(2).changes().get(0).oldValue()).contains("gone.png");
    }

    @Test
    void onTheDirectoryBackendTheBytesAreOnDiskBeforeTheRowCommitsAndGoAgainOnRollback() {
        Path[] written = new Path[1];
        tx.executeWithoutResult(s -> {
            StoredFile f = directoryStore.store("test-owner", owner, "scan", checked("a.pdf", "application/pdf", PDF));
            written[0] = directory.path(key(f.id()));
            assertThat(written[0]).exists().hasBinaryContent(PDF);
            s.setRollbackOnly();
        });
        assertThat(written[0]).doesNotExist();
        assertThat(directoryStore.list("test-owner", owner)).isEmpty();
        try (var left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile)).as("no temporary or orphaned files").isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onTheDirectoryBackendADeleteThatRollsBackKeepsTheBytes() {
        StoredFile f = tx.execute(s -> directoryStore.store("test-owner", owner, "scan", checked("a.pdf", "application/pdf", PDF)));
        tx.executeWithoutResult(s -> {
            directoryStore.delete(f.id());
            s.setRollbackOnly();
        });
        byte[] kept = tx.execute(s -> directoryStore.content(f.id()));
        assertThat(kept).isEqualTo(PDF);
    }

    @Test
    void onTheS3BackendTheObjectIsInTheBucketUnderThePrefixBeforeTheRowCommitsAndGoesAgainOnRollback() {
        String[] written = new String[1];
        tx.executeWithoutResult(s -> {
            StoredFile f = s3Store.store("test-owner", owner, "scan", checked("a.pdf", "application/pdf", PDF));
            written[0] = key(f.id());
            assertThat(s3.get(written[0])).isEqualTo(PDF);
            s.setRollbackOnly();
        });
        assertThatThrownBy(() -> s3.get(written[0])).isInstanceOf(NotFoundException.class);
        assertThat(s3Store.list("test-owner", owner)).isEmpty();
        try (var client = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(s3Server.getUri()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("access-test", "secret-test")))
                .forcePathStyle(true).build()) {
            StoredFile kept = tx.execute(s -> s3Store.store("test-owner", owner, "scan",
                    checked("b.pdf", "application/pdf", PDF)));
            assertThat(client.headObject(r -> r.bucket(BUCKET).key("files/" + key(kept.id()))).contentLength())
                    .isEqualTo(PDF.length);
        }
    }

    private String key(long id) {
        return jdbc.sql("select storage_key from stored_file where id = :id").param("id", id).query(String.class).single();
    }
}
