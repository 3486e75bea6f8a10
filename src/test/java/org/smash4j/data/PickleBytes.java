package org.smash4j.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle opcodes one by one (names and bytes as in python's pickletools), so a test can spell out a
 * pickle exactly as python would write it and say what each opcode does.
 */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Raw bytes, for corrupt pickles. */
    PickleBytes raw(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    PickleBytes proto(int version) {
        return raw(0x80, version);
    }

    PickleBytes emptyDict() {
        return raw('}');
    }

    PickleBytes emptyList() {
        return raw(']');
    }

    PickleBytes mark() {
        return raw('(');
    }

    PickleBytes tuple() {
        return raw('t');
    }

    PickleBytes tuple1() {
        return raw(0x85);
    }

    PickleBytes tuple2() {
        return raw(0x86);
    }

    PickleBytes tuple3() {
        return raw(0x87);
    }

    PickleBytes appends() {
        return raw('e');
    }

    PickleBytes setitems() {
        return raw('u');
    }

    PickleBytes reduce() {
        return raw('R');
    }

    PickleBytes build() {
        return raw('b');
    }

    PickleBytes none() {
        return raw('N');
    }

    PickleBytes newTrue() {
        return raw(0x88);
    }

    PickleBytes newFalse() {
        return raw(0x89);
    }

    PickleBytes stop() {
        return raw('.');
    }

    PickleBytes binput(int memo) {
        return raw('q', memo);
    }

    PickleBytes binget(int memo) {
        return raw('h', memo);
    }

    PickleBytes binint1(int v) {
        return raw('K', v);
    }

    PickleBytes binint2(int v) {
        return raw('M', v & 0xFF, v >>> 8);
    }

    /** BININT: a signed 32-bit int, little-endian. */
    PickleBytes binint(int v) {
        raw('J');
        return u32(v);
    }

    /** An int as python picks the opcode: BININT1 below 256, BININT2 below 65536, else BININT. */
    PickleBytes integer(int v) {
        return v >= 0 && v < 256 ? binint1(v) : v >= 0 && v < 65536 ? binint2(v) : binint(v);
    }

    /** GLOBAL: "module\nname\n". */
    PickleBytes global(String module, String name) {
        raw('c');
        return ascii(module + "\n" + name + "\n");
    }

    /** BINUNICODE: 4-byte length, UTF-8 text (python 3 str). */
    PickleBytes binunicode(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        raw('X');
        u32(b.length);
        out.writeBytes(b);
        return this;
    }

    /** SHORT_BINSTRING: 1-byte length, bytes (python 2 str up to 255 bytes). */
    PickleBytes shortBinstring(String text) {
        raw('U', text.length());
        return ascii(text);
    }

    /** BINSTRING: 4-byte length, bytes (python 2 str over 255 bytes). */
    PickleBytes binstring(byte[] data) {
        raw('T');
        u32(data.length);
        out.writeBytes(data);
        return this;
    }

    /** SHORT_BINBYTES: 1-byte length (python 3 bytes up to 255). */
    PickleBytes shortBinbytes(byte[] data) {
        raw('C', data.length);
        out.writeBytes(data);
        return this;
    }

    /** BINBYTES: 4-byte length (python 3 bytes over 255). */
    PickleBytes binbytes(byte[] data) {
        raw('B');
        u32(data.length);
        out.writeBytes(data);
        return this;
    }

    /** FRAME (protocol 4): 8-byte length of the frame that follows. */
    PickleBytes frame(long length) {
        raw(0x95);
        for (int i = 0; i < 8; i++) {
            raw((int) (length >>> (8 * i) & 0xFF));
        }
        return this;
    }

    /** MEMOIZE (protocol 4): store the top of the stack at the next memo index. */
    PickleBytes memoize() {
        return raw(0x94);
    }

    /** SHORT_BINUNICODE (protocol 4): 1-byte length, UTF-8 text. */
    PickleBytes shortBinunicode(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        raw(0x8c, b.length);
        out.writeBytes(b);
        return this;
    }

    /** STACK_GLOBAL (protocol 4): module and name from the stack. */
    PickleBytes stackGlobal() {
        return raw(0x93);
    }

    private PickleBytes u32(int v) {
        return raw(v & 0xFF, v >>> 8 & 0xFF, v >>> 16 & 0xFF, v >>> 24 & 0xFF);
    }

    private PickleBytes ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return this;
    }
}
