package com.careloop.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;
import com.careloop.support.PrintedPdf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The field-service tests' shared data over HTTP: a FIELD_SERVICE request of a customer of their own, a trip planned
 * from it with a four-member team from several departments, a step, a signature image. */
abstract class FieldServiceTestBase extends ApiTestBase {

    static final String BASE = "/api/v1/field-services";

    @Autowired
    JdbcClient jdbc;

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long fieldRequest() {
        String name = "现场服务客户" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'ORGANISATION','phone':'" + phone + "'}"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        Response r = post("/api/v1/service-requests", tokenFor("manager"), j("{'customerId':" + c.json().get("id").asLong()
                + ",'contactName':'马工','contactPhone':'" + phone + "','location':'镇江 3号车间','type':'FIELD_SERVICE',"
                + "'fieldKind':'INSTALLATION_COMMISSIONING','title':'包装线安装调试','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        Response m = post("/api/v1/service-requests/" + id + "/materials", tokenFor("manager"),
                j("{'item':'封口机加热片','quantity':4,'unit':'片'}"));
        assertThat(m.status()).as(m.body()).isIn(200, 201);
        return id;
    }

    static String day(int plus) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plus).toString();
    }

    JsonNode plan(long request) {
        Response r = post(BASE, tokenFor("manager"), j("{'requestId':" + request + ",'travelOutOn':'" + day(0)
                + "','onSiteFrom':'" + day(0) + "','onSiteTo':'" + day(2) + "','returnOn':'" + day(3) + "',"
                + "'leader':{'userId':" + user("depthead") + ",'task':'现场总负责'},"
                + "'members':[{'userId':" + user("teamleader") + ",'task':'机械安装指导'},"
                + "{'userId':" + user("quality") + ",'task':'调试测量'},{'userId':" + user("sales") + ",'task':'培训'}],"
                + "'vehicles':'商务车','tools':[{'name':'万用表','measuring':true}],'workPlan':'安装、调试、培训'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode step(String user, long id, String path, String body) {
        Response r = post(BASE + "/" + id + path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 201);
        return r.json();
    }

    static String pngDataUrl() throws Exception {
        BufferedImage image = new BufferedImage(200, 60, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(10, 10, 0xff000080);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
