package org.zhonglou.stack;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores a collection's documents as BSON, with mongo-java-server's own codec (the one its wire protocol
 * uses, so every value a client can store comes back the same). H2's default stores them with Java
 * serialisation, one {@code ObjectOutputStream} per document: in profiles of the ingest and the rush
 * that was the largest single cost of the store, on every commit and on every page read from the file.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** H2 only uses the memory figure for its cache accounting; a running average is what it uses itself. */
    private volatile int averageSize = 256;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize);
        BsonEncoder.encodeDocument(document, bson);
        int size = bson.readableBytes();
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
        averageSize = (averageSize * 15 + size) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // A BSON document starts with its own length, so the decoder consumes exactly one document.
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
