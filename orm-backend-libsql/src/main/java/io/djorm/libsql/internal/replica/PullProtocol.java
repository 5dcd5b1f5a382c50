package io.djorm.libsql.internal.replica;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The Protobuf messages of the {@code pull-updates} endpoint (Turso sync protocol), read and written
 * field by field. Only raw page streams are understood; anything else is reported as malformed.
 */
final class PullProtocol {
    // PullUpdatesReqProtoBody
    private static final int REQ_CLIENT_REVISION = 3;
    // PullUpdatesRespProtoBody
    private static final int RESP_SERVER_REVISION = 1;
    private static final int RESP_DB_SIZE = 2;
    private static final int RESP_RAW_ENCODING = 3;
    private static final int RESP_ZSTD_ENCODING = 4;
    private static final int RESP_STREAM_KIND = 5;
    private static final int STREAM_KIND_PAGES = 0;
    // PageData
    private static final int PAGE_ID = 1;
    private static final int PAGE_BYTES = 2;

    private PullProtocol() {
    }

    /**
     * The request body: raw encoding, the latest server revision, no long poll, no page selector. Those
     * are all Protobuf defaults, so only the client revision is written, and only when there is one.
     */
    static byte[] encodeRequest(String clientRevision) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            if (clientRevision != null && !clientRevision.isEmpty()) {
                out.writeString(REQ_CLIENT_REVISION, clientRevision);
            }
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a whole response body (length-delimited header, then length-delimited pages) into a
     * receiver. Raises {@link MalformedPullResponseException} on anything that does not parse.
     */
    static void decodeResponse(InputStream body, PageReceiver receiver) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(body);
        try {
            if (in.isAtEnd()) throw new MalformedPullResponseException("the body is empty; expected a header");
            PullHeader header = readHeader(in);
            receiver.header(header);
            long index = 0;
            while (!in.isAtEnd()) {
                // The size limit counts every byte of the stream; a bootstrap may exceed it legitimately.
                in.resetSizeCounter();
                PulledPage page = readPage(in, index++);
                if (page.pageId() >= header.dbSizePages()) {
                    throw new MalformedPullResponseException("page " + page.pageId() + " lies beyond the database size of "
                            + header.dbSizePages() + " pages");
                }
                receiver.page(page);
            }
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedPullResponseException("not a valid Protobuf stream (" + e.getMessage() + ")", e);
        }
    }

    private static PullHeader readHeader(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        String revision = "";
        long dbSize = 0;
        boolean raw = false;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            switch (WireFormat.getTagFieldNumber(tag)) {
                case RESP_SERVER_REVISION -> revision = in.readStringRequireUtf8();
                case RESP_DB_SIZE -> dbSize = in.readUInt64();
                case RESP_RAW_ENCODING -> {
                    in.skipField(tag);
                    raw = true;
                }
                case RESP_ZSTD_ENCODING -> throw new MalformedPullResponseException(
                        "the primary sent zstd-compressed pages although raw pages were requested");
                case RESP_STREAM_KIND -> {
                    int kind = in.readEnum();
                    if (kind != STREAM_KIND_PAGES) {
                        throw new MalformedPullResponseException("the primary sent a stream of kind " + kind
                                + " (logical log); only page streams are supported");
                    }
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        if (revision.isEmpty()) throw new MalformedPullResponseException("the header names no server revision");
        if (dbSize < 0 || dbSize > Long.MAX_VALUE / ReplicaFormat.PAGE_SIZE) {
            throw new MalformedPullResponseException("the header's database size is out of range: " + dbSize);
        }
        if (!raw) throw new MalformedPullResponseException("the header names no page encoding");
        return new PullHeader(revision, dbSize);
    }

    private static PulledPage readPage(CodedInputStream in, long index) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        long pageId = 0;
        byte[] bytes = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            switch (WireFormat.getTagFieldNumber(tag)) {
                case PAGE_ID -> pageId = in.readUInt64();
                case PAGE_BYTES -> bytes = in.readByteArray();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        if (bytes == null || bytes.length != ReplicaFormat.PAGE_SIZE) {
            throw new MalformedPullResponseException("page message " + index + " carries "
                    + (bytes == null ? "no" : bytes.length) + " bytes; expected " + ReplicaFormat.PAGE_SIZE);
        }
        if (pageId < 0) throw new MalformedPullResponseException("page message " + index + " has a negative page id");
        return new PulledPage(pageId, bytes);
    }
}
