/**
 * The Jupyter messaging protocol, done by the kernel itself: the five ZeroMQ sockets, signed
 * messages, status, the {@code execute_request} flow with history and the abort queue, streams,
 * {@code input_request}s, comms, interrupt and shutdown.
 *
 * <p>Entry points: {@link org.javadl.kernel.protocol.KernelServer} (sockets and their threads, no
 * polling sleep), {@link org.javadl.kernel.protocol.MessageCodec} (frames, HMAC),
 * {@link org.javadl.kernel.protocol.KernelProtocol} (dispatch by message type),
 * {@link org.javadl.kernel.protocol.ExecuteHandler} (one cell's messages, in the spec's order),
 * {@link org.javadl.kernel.protocol.CellOutput} with {@link org.javadl.kernel.protocol.StreamPublisher}
 * and {@link org.javadl.kernel.protocol.OutputRouter} (where a running cell's output goes),
 * {@link org.javadl.kernel.protocol.Comms}. A language plugs in through
 * {@link org.javadl.kernel.protocol.Language} and never sees a message.
 *
 * <p>Must not depend on: JShell, the engine, magics or renderers; a cell is a {@code Language} call
 * and its value arrives as a finished {@link org.javadl.kernel.protocol.MimeBundle}. Gson carries only
 * strings, {@code JsonElement}s and plain maps (its reflection breaks on records on JDK 17).
 */
package org.javadl.kernel.protocol;
