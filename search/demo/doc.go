// Package demo embeds vnsearch's demo corpus: Vietnamese political news
// articles written for the project (not copied from any newspaper), in the
// import format, so that a first `vnsearch serve` shows real results.
package demo
