package com.careloop.platform.files;

import java.net.URI;
import java.time.Duration;

import com.careloop.platform.NotFoundException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The bytes as objects of an S3-compatible bucket (AWS S3, MinIO, Alibaba OSS, Tencent COS; ADR 0027): key
 * {@code <prefix><storage key>}. A {@code PutObject} that returned is durable at the store, so {@link #put} keeps the
 * contract of {@link FileContentStore}. The AWS SDK v2 over the JDK's URL connection (no Netty, no Apache client);
 * path-style addressing by default (MinIO), and checksums only where the API requires them, so stores that do not
 * know the SDK's newer default checksums (OSS, COS, older MinIO) accept the requests.
 */
class S3ContentStore implements FileContentStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3ContentStore(FilesProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("careloop.files.s3.bucket (CARELOOP_FILES_S3_BUCKET) must be set for "
                    + "careloop.files.store=s3");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(settings.timeout()))
                .region(Region.of(settings.region()))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        }
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint().strip()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket().strip();
        this.prefix = settings.prefix() == null ? "" : settings.prefix();
    }

    @Override
    public void put(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(object(key)).contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(object(key))).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new NotFoundException("stored-file-content", key);
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(object(key)));
    }

    @Override
    public boolean transactional() {
        return false;
    }

    private String object(String key) {
        if (!key.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return prefix + key;
    }
}
