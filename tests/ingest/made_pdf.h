// Test helpers: PDFs made page by page with qpdf, as bytes.
#pragma once

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>
#include <string>

namespace scanstraat {

// Adds to `pdf` the page dictionary `page` with `resources` and the drawing `content`.
inline void AddMadePage(QPDF& pdf, QPDFObjectHandle page, QPDFObjectHandle resources, const std::string& content) {
  page.replaceKey("/Resources", resources);
  page.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
  QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
}

// `pdf` written to memory. `as_made`: streams stay as they were made (not
// compressed, filters not decoded), so image data is what the test wrote.
inline std::string MadePdfBytes(QPDF& pdf, bool as_made = false) {
  QPDFWriter w(pdf);
  w.setOutputMemory();
  if (as_made) {
    w.setCompressStreams(false);
    w.setDecodeLevel(qpdf_dl_none);
  }
  w.write();
  std::shared_ptr<Buffer> b = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

}  // namespace scanstraat
