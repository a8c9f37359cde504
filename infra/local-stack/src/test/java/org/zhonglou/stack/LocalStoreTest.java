package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsDocumentsAcrossACleanRestart() throws Exception {
        Path file = dir.resolve("mongo").resolve("store.mv");
        try (LocalStore store = LocalStore.start(file, Ports.HOST, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> programmes = client.getDatabase("registration").getCollection("programmes");
            programmes.insertOne(new Document("_id", "summer-care").append("name", "暑期托管班")
                    .append("capacity", 30));
            programmes.updateOne(new Document("_id", "summer-care"), new Document("$inc", new Document("capacity", 5)));
        }

        try (LocalStore store = LocalStore.start(file, Ports.HOST, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document found = client.getDatabase("registration").getCollection("programmes")
                    .find(new Document("_id", "summer-care")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("暑期托管班");
            assertThat(found.getInteger("capacity")).isEqualTo(35);
        }
    }

    @Test
    void everyValueTypeComesBackUnchangedFromTheFile() throws Exception {
        Path file = dir.resolve("store.mv");
        Document original = new Document("_id", new ObjectId())
                .append("text", "钟楼区 summer care").append("int", 42).append("long", 9_000_000_000L)
                .append("double", -0.5).append("decimal", new Decimal128(new BigDecimal("12.30")))
                .append("flag", true).append("nothing", null).append("when", new Date(1_782_000_000_000L))
                .append("binary", new Binary(new byte[] {1, 2, 3})).append("uuid", UUID.randomUUID())
                .append("list", List.of(1, "two", new Document("three", 3.0)))
                .append("nested", new Document("a", new Document("b", List.of())).append("empty", new Document()));
        try (LocalStore store = LocalStore.start(file, Ports.HOST, 0); MongoClient client = withUuids(store)) {
            client.getDatabase("db").getCollection("values").insertOne(original);
        }

        try (LocalStore store = LocalStore.start(file, Ports.HOST, 0); MongoClient client = withUuids(store)) {
            Document found = client.getDatabase("db").getCollection("values")
                    .find(new Document("_id", original.getObjectId("_id"))).first();
            assertThat(found).isEqualTo(original);
        }
    }

    @Test
    void answersHelloAsSpringBootsHealthCheckAsksIt() throws Exception {
        try (LocalStore store = LocalStore.start(dir.resolve("store.mv"), Ports.HOST, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document hello = client.getDatabase("registration").runCommand(new Document("hello", 1));

            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.get("maxWireVersion")).isNotNull();
        }
    }

    private static MongoClient withUuids(LocalStore store) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
    }
}
