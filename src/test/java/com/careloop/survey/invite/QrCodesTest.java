package com.careloop.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.Test;

/** Every personal link, whatever its random token, comes back from its QR code unchanged. */
class QrCodesTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void everyLinkOfTwoHundredRandomTokensDecodesFromItsPng() throws Exception {
        Random random = new Random(20261204L);
        // 200 × 43 random characters use every one of the 64 many times over; a thousand took 10 s of the build
        for (int i = 0; i < 200; i++) {
            StringBuilder link = new StringBuilder("https://care.example.com/s/");
            for (int k = 0; k < 43; k++) {
                link.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(link.toString(), 300)));
            assertThat(image.getWidth()).isGreaterThanOrEqualTo(300);
            String decoded = new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            assertThat(decoded).as("link %d", i).isEqualTo(link.toString());
        }
    }
}
