package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
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
    void answersHelloAsSpringBootsHealthCheckAsksIt() throws Exception {
        try (LocalStore store = LocalStore.start(dir.resolve("store.mv"), Ports.HOST, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document hello = client.getDatabase("registration").runCommand(new Document("hello", 1));

            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.get("maxWireVersion")).isNotNull();
        }
    }
}
